using System.Globalization;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>Small pieces of the composed narratives: scores, effects, levels and lists written the same way everywhere.</summary>
internal static class Phrase
{
    public static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Points(double points) => points.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Effect(double effect) =>
        (effect > 0 ? "+" : effect < 0 ? "-" : "") + Points(Math.Abs(effect));

    public static string Level(RiskLevel level) => level.ToString().ToLowerInvariant();

    public static string Upper(RiskLevel level) => level.ToString().ToUpperInvariant();

    /// <summary>A description written as a heading ("Loan arrears") for use inside a sentence ("loan arrears"); acronyms and names stay.</summary>
    public static string Inline(string text)
    {
        if (text.Length < 2 || !char.IsUpper(text[0]))
        {
            return text;
        }

        var firstWord = text.Split(' ')[0];
        return firstWord.Skip(1).Any(char.IsUpper) ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
