using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Charts;

/// <summary>The radar of the 7 category scores, centred on the origin; radius 1 is score 100.</summary>
public sealed record RadarChart(double OverallScore, RiskLevel OverallLevel, IReadOnlyList<RadarAxis> Axes, IReadOnlyList<RadarRing> Rings);

/// <summary>
/// One radar axis: <paramref name="AngleDegrees"/> clockwise from 12 o'clock, <paramref name="Direction"/> the unit
/// vector of that angle and <paramref name="ScorePoint"/> the score on it (both y-down).
/// </summary>
public sealed record RadarAxis(
    string Category,
    string Label,
    string ShortLabel,
    double Score,
    RiskLevel Level,
    double AngleDegrees,
    ChartPoint Direction,
    ChartPoint ScorePoint);

/// <summary>A gridline ring at <paramref name="Value"/> score points, <paramref name="Radius"/> on the unit circle.</summary>
public sealed record RadarRing(double Value, double Radius);

/// <summary>A point in chart space (y grows downwards).</summary>
public readonly record struct ChartPoint(double X, double Y);

/// <summary>A category's subcategory bars, in taxonomy order.</summary>
public sealed record CategoryBars(
    string Category,
    string Label,
    string ShortLabel,
    double Score,
    RiskLevel Level,
    IReadOnlyList<SubcategoryBar> Bars);

/// <summary>One subcategory bar: its field key, display name, score (0–100) and level.</summary>
public sealed record SubcategoryBar(string Field, string Name, double Score, RiskLevel Level);
