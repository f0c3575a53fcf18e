using System.Globalization;
using System.Xml.Linq;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Charts.Svg;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Core.Reports.Samples;

namespace RiskIntel.Tests.Core.Reports.Charts;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly RiskChart _chart = RiskChart.From(SampleReports.Full().Analysis);

    [Fact]
    public void RadarSvg_Render_IsWellFormedAccessibleSvg()
    {
        var svg = XDocument.Parse(RadarSvg.Render(_chart.Radar, "Risk profile"));

        var root = svg.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("0 0 480 400", root.Attribute("viewBox")?.Value);
        Assert.Equal("img", root.Attribute("role")?.Value);
        Assert.Equal("Risk profile", root.Element(Svg + "title")?.Value);
        Assert.Contains("Financial 56.4 (HIGH)", root.Element(Svg + "desc")?.Value, StringComparison.Ordinal);
        string[] ids = [root.Element(Svg + "title")!.Attribute("id")!.Value, root.Element(Svg + "desc")!.Attribute("id")!.Value];
        Assert.Equal(ids, root.Attribute("aria-labelledby")!.Value.Split(' '));
    }

    [Fact]
    public void RadarSvg_Render_PointsAreTheChartModelsScoresInLevelColours()
    {
        var svg = XDocument.Parse(RadarSvg.Render(_chart.Radar, "Risk profile"));

        var points = svg.Descendants(Svg + "circle").ToList();
        Assert.Equal(7, points.Count);
        foreach (var (point, axis) in points.Zip(_chart.Radar.Axes))
        {
            Assert.Equal(240 + (axis.ScorePoint.X * 135), Number(point, "cx"), 0.006);
            Assert.Equal(200 + (axis.ScorePoint.Y * 135), Number(point, "cy"), 0.006);
            Assert.Equal(LevelPalette.For(axis.Level).Hex, point.Attribute("fill")?.Value);
        }

        var labels = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.All(_chart.Radar.Axes, a => Assert.Contains(ChartFormat.Score(a.Score), labels));
        Assert.Equal(4, svg.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "rings").Elements(Svg + "polygon").Count());
    }

    [Fact]
    public void RadarSvg_Render_EscapesUserText()
    {
        const string title = "Risk of <script>alert('x')</script> & Söhne \"Ltd\"";

        var markup = RadarSvg.Render(_chart.Radar, title, idPrefix: "r\"><x");

        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", markup, StringComparison.Ordinal);
        var svg = XDocument.Parse(markup);
        Assert.Equal(title, svg.Root!.Element(Svg + "title")?.Value);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "x");
    }

    [Fact]
    public void BarsSvg_Render_OneLevelColouredBarPerSubcategory()
    {
        var category = _chart.Categories[0];

        var svg = XDocument.Parse(BarsSvg.Render(category));

        var bars = svg.Descendants(Svg + "g").Where(g => g.Attribute("class")?.Value == "bar").ToList();
        Assert.Equal(category.Bars.Count, bars.Count);
        foreach (var (bar, model) in bars.Zip(category.Bars))
        {
            var fill = bar.Elements(Svg + "rect").Last();
            Assert.Equal(LevelPalette.For(model.Level).Hex, fill.Attribute("fill")?.Value);
            Assert.Equal(model.Score / 100 * 250, Number(fill, "width"), 0.006);
            Assert.Contains(ChartFormat.Score(model.Score), bar.Elements(Svg + "text").Select(t => t.Value));
        }

        Assert.Equal("Financial: 56.4 (HIGH)", svg.Root!.Element(Svg + "title")?.Value);
        Assert.StartsWith("0 0 480 ", svg.Root.Attribute("viewBox")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void BarsSvg_Render_EscapesSubcategoryNames()
    {
        var category = _chart.Categories[0] with
        {
            Bars = [new SubcategoryBar("FINANCIAL.revenue", "Revenue </text><script>x</script> & more", 40, RiskLevel.Moderate)],
        };

        var markup = BarsSvg.Render(category);

        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        Assert.Contains("Revenue </text><script>x</script> & more", XDocument.Parse(markup).Descendants(Svg + "text").Select(t => t.Value));
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
