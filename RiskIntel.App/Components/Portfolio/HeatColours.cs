using System.Globalization;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Risk;

namespace RiskIntel.App.Components.Portfolio;

/// <summary>
/// A heat-map cell in the report's level colours, with whichever text colour reads best on it: the palette's
/// white on orange is 3.4:1, under the 4.5:1 that small text needs, where near-black is over 6:1.
/// </summary>
public static class HeatColours
{
    private const string Dark = "#1B1B1B";

    public static string Background(RiskLevel level) => LevelPalette.For(level).Hex;

    public static string Text(RiskLevel level)
    {
        var colour = LevelPalette.For(level);
        return Contrast(colour.Hex, colour.OnHex) >= Contrast(colour.Hex, Dark) ? colour.OnHex : Dark;
    }

    public static string Style(RiskLevel level) => $"background-color: {Background(level)}; color: {Text(level)}";

    /// <summary>The WCAG 2 contrast ratio of two <c>#RRGGBB</c> colours, 1 to 21.</summary>
    public static double Contrast(string a, string b)
    {
        var (first, second) = (Luminance(a), Luminance(b));
        return (Math.Max(first, second) + 0.05) / (Math.Min(first, second) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }
}
