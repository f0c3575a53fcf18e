using System.Globalization;

namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>What the offline engine tells the analyst about a field: the terms that fired and a one-line reason.</summary>
internal static class GapExplanation
{
    public const int MaxTerms = 12;

    public static IReadOnlyList<string> MatchedTerms(IReadOnlyList<ScoredSentence> relevant)
    {
        var terms = new List<string>();
        foreach (var sentence in relevant)
        {
            terms.AddRange(sentence.Hits.Select(h => h.Negated ? "negated:" + h.Term.Text : h.Term.Text));
            terms.AddRange(sentence.FigureKinds.Select(k => "figure:" + k));
            if (sentence.HeadingSupport)
            {
                terms.Add("heading:" + sentence.Sentence.Heading);
            }
        }

        return terms.Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();
    }

    public static string Note(GapStatus status, IReadOnlyList<ScoredSentence> relevant, IReadOnlyList<ScoredSentence> prose)
    {
        var specific = prose.Count(s => s.Specific);
        return status switch
        {
            GapStatus.Verified => string.Create(CultureInfo.InvariantCulture,
                $"VERIFIED: {specific} of {prose.Count} relevant sentence(s) carry specific evidence (a figure or a named practice, instrument or document)"),
            GapStatus.Partial when prose.Count == 0 => $"PARTIAL: only a heading names this field (\"{relevant[0].Sentence.Text}\")",
            GapStatus.Partial when prose.All(s => s.Negated) => string.Create(CultureInfo.InvariantCulture,
                $"PARTIAL: {prose.Count} mention(s), all negated (e.g. \"{QuoteWindow.Cut(prose[0].Sentence.Text, prose[0].Focus, 80)}\"): the topic is raised, the practice is not shown"),
            GapStatus.Partial => string.Create(CultureInfo.InvariantCulture,
                $"PARTIAL: mentioned in {prose.Count} sentence(s) without a figure or a named practice, instrument or document"),
            _ when relevant.Count > 0 => $"MISSING: only a heading with no content under it names this field (\"{relevant[0].Sentence.Text}\")",
            _ => "MISSING: no sentence matches this field's lexicon",
        };
    }
}
