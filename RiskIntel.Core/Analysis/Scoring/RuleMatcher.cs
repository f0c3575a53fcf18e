using System.Text.RegularExpressions;
using RiskIntel.Core.Documents;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>A rule that fired, with the quote or correction that triggered it.</summary>
internal sealed record FiredRule(RiskRule Rule, Evidence Evidence, bool FromCorrection);

/// <summary>
/// Finds the first place a rule fires: the analyst's correction first (the reviewed word beats the document),
/// then the documents in order. A negated match does not count, and a document quote is kept only when the
/// quote verifier finds it in the parsed text.
/// </summary>
internal sealed class RuleMatcher(NegationGuard negation)
{
    private const int MaxQuoteLength = 280;
    private const int Context = 110;

    public FiredRule? FindFirst(
        RiskRule rule, string? correction, IReadOnlyList<TextSentence> correctionSentences, IReadOnlyList<TextSentence> sentences, QuoteVerifier verifier)
    {
        if (correction is not null && correctionSentences.Any(s => FirstMatch(rule, s) is not null))
        {
            return new FiredRule(rule, new Evidence(correction, null, null), FromCorrection: true);
        }

        foreach (var sentence in sentences)
        {
            if (!sentence.Quotable || FirstMatch(rule, sentence) is not { } match)
            {
                continue;
            }

            var quote = Quote(sentence.Text, match.Index, match.Length);
            if (verifier.Verify(quote, sentence.Page, sentence.DocumentId) is { } evidence)
            {
                return new FiredRule(rule, evidence, FromCorrection: false);
            }
        }

        return null;
    }

    private Match? FirstMatch(RiskRule rule, TextSentence sentence)
    {
        for (var match = rule.Matcher.Match(sentence.Normalised); match.Success; match = match.NextMatch())
        {
            if (!negation.Blocks(sentence.Normalised, match.Index, mitigant: !rule.RaisesRisk))
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>The sentence, or for a long one the words around the match; always a verbatim piece of it.</summary>
    internal static string Quote(string sentence, int index, int length)
    {
        if (sentence.Length <= MaxQuoteLength)
        {
            return sentence;
        }

        var start = Math.Max(0, index - Context);
        var end = Math.Min(sentence.Length, index + length + Context);
        start = start == 0 ? 0 : sentence.IndexOf(' ', start) + 1;
        var lastSpace = sentence.LastIndexOf(' ', end - 1);
        end = end == sentence.Length || lastSpace < index + length ? end : lastSpace;
        return sentence[start..end].Trim();
    }
}
