using System.Xml.Linq;
using static RiskIntel.Core.Reports.Charts.Svg.SvgDocument;

namespace RiskIntel.Core.Reports.Charts.Svg;

/// <summary>
/// A category's subcategory bars as an accessible SVG string: one level-coloured bar per subcategory on a 0–100
/// track with the band limits at 25/50/75 marked.
/// </summary>
public static class BarsSvg
{
    private const double Width = 480;
    private const double LabelWidth = 170;
    private const double TrackWidth = 250;
    private const double RowHeight = 26;
    private const double Top = 8;

    public static string Render(CategoryBars category, string? idPrefix = null)
    {
        var prefix = idPrefix ?? "risk-bars-" + category.Category.ToLowerInvariant();
        var height = Top + category.Bars.Count * RowHeight + 22;
        var title = $"{category.Label}: {ChartFormat.Score(category.Score)} ({ChartFormat.Level(category.Level)})";
        var description = string.Join("; ", category.Bars.Select(b => $"{b.Name} {ChartFormat.Score(b.Score)} ({ChartFormat.Level(b.Level)})"));
        var root = Root(Width, height, prefix, title, description);
        root.Add(Grid(height), category.Bars.Select(Row), Axis(height));
        return Serialize(root);
    }

    private static double X(double score) => LabelWidth + Math.Clamp(score, 0, 100) / 100 * TrackWidth;

    private static XElement Row(SubcategoryBar bar, int index)
    {
        var y = Top + index * RowHeight;
        var colour = LevelPalette.For(bar.Level);
        return new XElement(Ns + "g", new XAttribute("class", "bar"),
            Text(LabelWidth - 8, y + 15, bar.Name, "end", 11, "#1F2933"),
            Rect(LabelWidth, y + 5, TrackWidth, 14, "#EEF1F5"),
            Rect(LabelWidth, y + 5, X(bar.Score) - LabelWidth, 14, colour.Hex),
            Text(X(bar.Score) + 5, y + 16, ChartFormat.Score(bar.Score), "start", 10, "#1F2933", "700"));
    }

    private static XElement Grid(double height) =>
        new(Ns + "g", new XAttribute("class", "grid"), new XAttribute("stroke", "#C9D1DB"), new XAttribute("stroke-dasharray", "2 2"),
            RiskChart.RingValues.Take(3).Select(v => new XElement(Ns + "line",
                new XAttribute("x1", Num(X(v))), new XAttribute("y1", Num(Top)),
                new XAttribute("x2", Num(X(v))), new XAttribute("y2", Num(height - 18)))));

    private static XElement Axis(double height) =>
        new(Ns + "g", new XAttribute("class", "axis"),
            new[] { 0.0, 25, 50, 75, 100 }.Select(v => Text(X(v), height - 6, Num(v), "middle", 9, "#6B7785")));

    private static XElement Rect(double x, double y, double width, double height, string fill) =>
        new(Ns + "rect",
            new XAttribute("x", Num(x)), new XAttribute("y", Num(y)),
            new XAttribute("width", Num(Math.Max(0, width))), new XAttribute("height", Num(height)),
            new XAttribute("rx", "2"), new XAttribute("fill", fill));
}
