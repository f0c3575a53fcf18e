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

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Terms match as whole words (<c>*</c> ends a word stem); patterns are regular expressions used as written.</summary>
    public static Regex Compile(IEnumerable<string> terms, IEnumerable<string> patterns)
    {
        var alternatives = terms.Select(TermPattern).Concat(patterns.Select(p => $"(?:{p})"));
        return new Regex(string.Join('|', alternatives),
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout);
    }

    private static string TermPattern(string term)
    {
        var words = Documents.QuoteVerifier.Normalise(term).Split(' ');
        var body = string.Join(' ', words.Select(w => w.EndsWith('*')
            ? Regex.Escape(w[..^1]) + @"[\p{L}\p{N}]*"
            : Regex.Escape(w)));
        return $@"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])";
    }
}
