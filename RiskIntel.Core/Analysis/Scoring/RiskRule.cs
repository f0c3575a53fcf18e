using System.Text.RegularExpressions;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// A risk indicator (positive effect) or a mitigant (negative effect), found by its terms or patterns in the
/// normalised text (<see cref="Documents.QuoteVerifier.Normalise"/>). <c>Opposes</c> names the rule it contradicts,
/// so an analyst's correction that fires one silences the other's document evidence.
/// </summary>
internal sealed record RiskRule(
    string Id,
    double Effect,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Patterns,
    IReadOnlyList<string> Opposes,
    string Description,
    string? Mitigation,
    string? Recommendation,
    Regex Matcher)
{
    public bool RaisesRisk => Effect > 0;

    // Generous: a sentence matches in microseconds, but a descheduled thread on a busy machine must not fail an analysis.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Terms match as whole words (<c>*</c> ends a word stem); patterns are regular expressions used as written. Both run
    /// case-sensitively on normalised (lower-case) text, which is several times faster than ignoring case.
    /// </summary>
    public static Regex Compile(IReadOnlyList<string> terms, IEnumerable<string> patterns)
    {
        // One word-boundary guard around all terms: far cheaper than one per term when scanning every sentence for every rule.
        var alternatives = patterns.Select(p => $"(?:{p})").ToList();
        if (terms.Count > 0)
        {
            alternatives.Insert(0, $@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', terms.Select(TermPattern))})(?![\p{{L}}\p{{N}}])");
        }

        return new Regex(string.Join('|', alternatives),
            RegexOptions.CultureInvariant, MatchTimeout);
    }

    private static string TermPattern(string term)
    {
        var words = Documents.QuoteVerifier.Normalise(term).Split(' ');
        return string.Join(' ', words.Select(w => w.EndsWith('*') ? Regex.Escape(w[..^1]) + @"[\p{L}\p{N}]*" : Regex.Escape(w)));
    }
}
