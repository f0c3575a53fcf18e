using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Charts;

/// <summary>
/// The one set of level colours every report surface uses (PDF, SVG, later the web UI), so a level looks the same
/// everywhere: LOW green, MODERATE amber, HIGH orange, CRITICAL red.
/// </summary>
public static class LevelPalette
{
    private static readonly LevelColour Low = new("LOW", "#2E7D32", "#E3F1E4", "#FFFFFF");
    private static readonly LevelColour Moderate = new("MODERATE", "#F2A900", "#FDF3D6", "#2B2100");
    private static readonly LevelColour High = new("HIGH", "#E8620C", "#FCE6D6", "#FFFFFF");
    private static readonly LevelColour Critical = new("CRITICAL", "#C62828", "#F8DEDE", "#FFFFFF");

    public static LevelColour For(RiskLevel level) => level switch
    {
        RiskLevel.Low => Low,
        RiskLevel.Moderate => Moderate,
        RiskLevel.High => High,
        _ => Critical,
    };
}

/// <summary>
/// A level's colours as <c>#RRGGBB</c>: <paramref name="Hex"/> for marks and badges, <paramref name="TintHex"/> for
/// light backgrounds, <paramref name="OnHex"/> for text drawn on <paramref name="Hex"/>.
/// </summary>
public sealed record LevelColour(string Label, string Hex, string TintHex, string OnHex);
