using System.Text.RegularExpressions;

namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>
/// Scores every sentence for one field and decides its status: VERIFIED when some sentence mentions the topic
/// with specific evidence (a figure of the field's kinds, or a named practice, instrument or document) and is
/// not negated; PARTIAL when the topic is only mentioned, negated ("no insurance") or named by a heading alone;
/// MISSING when nothing matches, or only a heading with nothing under it. A weak term counts only under a
/// heading that names the field.
/// </summary>
internal sealed partial class FieldScorer(GapLexicon lexicon)
{
    public const int MaxQuotes = 3;
    public const int QuoteLength = 320;
    public const int ValueLength = 200;

    public GapCandidate Score(FieldRules rules, IReadOnlyList<Sentence> sentences)
    {
        var relevant = sentences.Select(s => ScoreSentence(rules, s)).OfType<ScoredSentence>().ToList();
        var prose = relevant.Where(s => !s.IsHeading).ToList();
        var status = prose.Exists(s => s.Specific) ? GapStatus.Verified
            : prose.Count > 0 || relevant.Exists(h => HeadsContent(h.Sentence, sentences)) ? GapStatus.Partial
            : GapStatus.Missing;
        var best = prose.OrderByDescending(s => s.Specific).ThenByDescending(s => s.Score).ThenBy(s => s.Sentence.Order)
            .Take(MaxQuotes).ToList();
        if (best.Count == 0 && status != GapStatus.Missing)
        {
            best = relevant.Take(1).ToList();
        }

        var quotes = best.Select(s => new QuoteClaim(QuoteWindow.Cut(s.Sentence.Text, s.Focus, QuoteLength), s.Sentence.Page, s.Sentence.DocumentId)).ToList();
        var value = best.FirstOrDefault() is { } top ? QuoteWindow.Cut(top.Sentence.Text, top.Focus, ValueLength) : null;
        return new GapCandidate(rules.Field, status, value, quotes, GapExplanation.MatchedTerms(relevant),
            [GapExplanation.Note(status, relevant, prose)], Mentioned: status != GapStatus.Missing);
    }

    private ScoredSentence? ScoreSentence(FieldRules rules, Sentence sentence)
    {
        var hits = rules.Match(sentence.Text, lexicon.Negation);
        if (hits.Count == 0)
        {
            return null;
        }

        var topic = hits.Where(h => h.Term.Kind != TermKind.Weak).ToList();
        var headingSupport = sentence.Kind != SentenceKind.Heading && rules.IsNamedBy(sentence.Heading);
        if (topic.Count == 0 && !headingSupport)
        {
            return null;
        }

        var counted = topic.Count > 0 ? topic : hits;
        var live = counted.Where(h => !h.Negated).ToList();
        var negated = live.Count == 0;
        var figures = negated || sentence.Kind == SentenceKind.Heading
            ? []
            : lexicon.Figures.Kinds(sentence.Text, Join(sentence.TableHeader, sentence.Heading)).Where(rules.FigureKinds.Contains).ToList();
        var named = !rules.NeedsFigure && live.Exists(h => h.Term.Kind == TermKind.Specific);
        var specific = !negated && sentence.Kind != SentenceKind.Heading && (figures.Count > 0 || named);
        var score = live.Count + (0.5 * hits.Count(h => h.Term.Kind == TermKind.Weak && !h.Negated)) + (headingSupport ? 0.5 : 0)
            + (specific ? 2 : 0) + (figures.Count > 0 ? 0.5 : 0) - (negated ? 1 : 0);
        return new ScoredSentence(sentence, hits, figures, headingSupport, negated, specific, score);
    }

    /// <summary>A heading counts as a mention only if some text stands under it ("N/A" or "TBD" does not).</summary>
    private static bool HeadsContent(Sentence heading, IReadOnlyList<Sentence> sentences) =>
        sentences.Skip(heading.Order + 1).TakeWhile(s => s.Kind != SentenceKind.Heading && s.DocumentId == heading.DocumentId)
            .Any(s => !Placeholder().IsMatch(s.Text));

    [GeneratedRegex(@"^(?:n/?a|none|nil|tbd|tbc|to be (?:determined|confirmed|developed|added|completed)|not applicable|not available|-+|—|…|\.\.\.)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + " " + second;
}
