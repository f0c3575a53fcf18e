using RiskIntel.Core.Analysis;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Charts;

/// <summary>
/// The charts of a report, computed once from the analysis so that every renderer (PDF, SVG) shows the same numbers:
/// the radar of the 7 categories and, per category, the bars of its subcategories, all in taxonomy order.
/// </summary>
public sealed record RiskChart(RadarChart Radar, IReadOnlyList<CategoryBars> Categories)
{
    /// <summary>Gridline rings of the radar, in score points.</summary>
    public static IReadOnlyList<double> RingValues { get; } = [25, 50, 75, 100];

    /// <exception cref="ArgumentException">The analysis lacks one of the taxonomy's 7 categories.</exception>
    public static RiskChart From(RiskAnalysisResult analysis)
    {
        var categories = RiskTaxonomy.Categories
            .Select(c => Bars(c, analysis.Scores.FirstOrDefault(s => s.Category == c.Key)
                ?? throw new ArgumentException($"The analysis has no score for category {c.Key}.", nameof(analysis))))
            .ToList();
        var axes = categories.Select((c, i) => Axis(c, i, categories.Count)).ToList();
        var rings = RingValues.Select(v => new RadarRing(v, v / 100)).ToList();
        return new RiskChart(new RadarChart(analysis.OverallScore, analysis.OverallLevel, axes, rings), categories);
    }

    private static CategoryBars Bars(RiskCategory category, CategoryScore score)
    {
        var order = category.Fields.Select((f, i) => (f.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var bars = score.Subcategories
            .OrderBy(s => order.GetValueOrDefault(s.Field, int.MaxValue))
            .Select(s => new SubcategoryBar(s.Field, s.Name, s.Score, s.Level))
            .ToList();
        return new CategoryBars(category.Key, category.Label, ShortLabels.For(category), score.Score, score.Level, bars);
    }

    // Axis 0 points up and the rest follow clockwise, in y-down coordinates (SVG and XGraphics alike).
    private static RadarAxis Axis(CategoryBars category, int index, int count)
    {
        var angle = 360.0 * index / count;
        var radians = angle * Math.PI / 180;
        var direction = new ChartPoint(Math.Sin(radians), -Math.Cos(radians));
        var radius = Math.Clamp(category.Score, 0, 100) / 100;
        return new RadarAxis(
            category.Category, category.Label, category.ShortLabel, category.Score, category.Level, angle,
            direction, new ChartPoint(direction.X * radius, direction.Y * radius));
    }
}
