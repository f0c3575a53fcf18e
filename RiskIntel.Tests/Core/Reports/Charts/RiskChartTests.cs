using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Core.Reports.Samples;

namespace RiskIntel.Tests.Core.Reports.Charts;

public sealed class RiskChartTests
{
    private readonly RiskIntel.Core.Analysis.RiskAnalysisResult _analysis = SampleReports.Full().Analysis;

    [Fact]
    public void From_Analysis_AxesFollowTheTaxonomyAndCarryTheAnalysisScores()
    {
        var chart = RiskChart.From(_analysis);

        Assert.Equal(RiskTaxonomy.Categories.Select(c => c.Key), chart.Radar.Axes.Select(a => a.Category));
        Assert.Equal(RiskTaxonomy.Categories.Select(c => c.Label), chart.Radar.Axes.Select(a => a.Label));
        foreach (var axis in chart.Radar.Axes)
        {
            var category = _analysis.Scores.Single(s => s.Category == axis.Category);
            Assert.Equal(category.Score, axis.Score);
            Assert.Equal(category.Level, axis.Level);
        }

        Assert.Equal(_analysis.OverallScore, chart.Radar.OverallScore);
        Assert.Equal("Climate", chart.Radar.Axes[1].ShortLabel);
    }

    [Fact]
    public void From_Analysis_AnglesStartAtTwelveAndScorePointsLieOnTheirAxes()
    {
        var chart = RiskChart.From(_analysis);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => 360.0 * i / 7), chart.Radar.Axes.Select(a => a.AngleDegrees));
        Assert.Equal(new ChartPoint(0, -1), chart.Radar.Axes[0].Direction);
        foreach (var axis in chart.Radar.Axes)
        {
            Assert.Equal(1, Math.Sqrt((axis.Direction.X * axis.Direction.X) + (axis.Direction.Y * axis.Direction.Y)), 9);
            Assert.Equal(axis.Direction.X * axis.Score / 100, axis.ScorePoint.X, 9);
            Assert.Equal(axis.Direction.Y * axis.Score / 100, axis.ScorePoint.Y, 9);
        }

        Assert.True(chart.Radar.Axes[1].Direction.X > 0, "the second axis lies clockwise, to the right");
        Assert.Equal([25.0, 50, 75, 100], chart.Radar.Rings.Select(r => r.Value));
        Assert.Equal([0.25, 0.5, 0.75, 1], chart.Radar.Rings.Select(r => r.Radius));
    }

    [Fact]
    public void From_Analysis_BarsAreTheSubcategoriesInTaxonomyOrderWithTheirScores()
    {
        var chart = RiskChart.From(_analysis);

        foreach (var (bars, category) in chart.Categories.Zip(RiskTaxonomy.Categories))
        {
            Assert.Equal(category.Fields.Select(f => f.Key), bars.Bars.Select(b => b.Field));
            var scores = _analysis.Scores.Single(s => s.Category == category.Key).Subcategories.ToDictionary(s => s.Field);
            Assert.All(bars.Bars, b => Assert.Equal((scores[b.Field].Score, scores[b.Field].Level, scores[b.Field].Name), (b.Score, b.Level, b.Name)));
        }
    }

    [Fact]
    public void From_AnalysisWithoutACategory_Throws()
    {
        var partial = _analysis with { Scores = _analysis.Scores.Skip(1).ToList() };

        var error = Assert.Throws<ArgumentException>(() => RiskChart.From(partial));
        Assert.Contains("FINANCIAL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LevelPalette_EachLevelHasItsOwnColours()
    {
        var colours = Enum.GetValues<RiskLevel>().Select(LevelPalette.For).ToList();

        Assert.Equal(["LOW", "MODERATE", "HIGH", "CRITICAL"], colours.Select(c => c.Label));
        Assert.Equal(4, colours.Select(c => c.Hex).Distinct().Count());
        Assert.All(colours, c => Assert.Matches("^#[0-9A-F]{6}$", c.Hex));
    }
}
