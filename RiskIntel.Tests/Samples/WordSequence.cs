using System.Text.RegularExpressions;

namespace RiskIntel.Tests.Samples;

/// <summary>Word sequences of a text and how far two of them agree, for checking a rendered file against its source.</summary>
internal static partial class WordSequence
{
    /// <summary>
    /// The words of <paramref name="text"/> (runs of non-whitespace) without the "Page N of M" footers a rendered file
    /// adds and without tokens that are only bullets or dashes (list markers).
    /// </summary>
    public static IReadOnlyList<string> Of(string text) =>
        Footer().Replace(text, " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Marker().IsMatch(w)).ToList();

    /// <summary>The longest common subsequence of the two, as a share of the longer: 1 when they are equal.</summary>
    public static double Agreement(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        if (expected.Count == 0 && actual.Count == 0)
        {
            return 1;
        }

        var previous = new int[actual.Count + 1];
        var current = new int[actual.Count + 1];
        for (var i = 1; i <= expected.Count; i++)
        {
            for (var j = 1; j <= actual.Count; j++)
            {
                current[j] = string.Equals(expected[i - 1], actual[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return (double)previous[actual.Count] / Math.Max(expected.Count, actual.Count);
    }

    [GeneratedRegex(@"\bPage \d+ of \d+\b")]
    private static partial Regex Footer();

    [GeneratedRegex(@"^[•\-*]$")]
    private static partial Regex Marker();
}
