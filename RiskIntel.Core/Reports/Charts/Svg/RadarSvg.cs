using System.Xml.Linq;
using static RiskIntel.Core.Reports.Charts.Svg.SvgDocument;

namespace RiskIntel.Core.Reports.Charts.Svg;

/// <summary>
/// The radar of a <see cref="RiskChart"/> as a self-contained, accessible SVG string (viewBox 0 0 480 400): level
/// bands, gridline rings at 25/50/75/100, the score polygon, and a level-coloured point per category.
/// </summary>
public static class RadarSvg
{
    private const double Width = 480;
    private const double Height = 400;
    private const double Cx = Width / 2;
    private const double Cy = Height / 2;
    private const double Radius = 135;

    public static string Render(RadarChart radar, string title, string idPrefix = "risk-radar")
    {
        var description = "Overall " + ChartFormat.Score(radar.OverallScore) + " (" + ChartFormat.Level(radar.OverallLevel) + "). "
            + string.Join("; ", radar.Axes.Select(a => $"{a.Label} {ChartFormat.Score(a.Score)} ({ChartFormat.Level(a.Level)})"));
        var root = Root(Width, Height, idPrefix, title, description);
        root.Add(Bands(radar), Rings(radar), Spokes(radar), ScoreShape(radar), Labels(radar));
        return Serialize(root);
    }

    private static (double X, double Y) At(RadarAxis axis, double radius) =>
        (Cx + axis.Direction.X * radius * Radius, Cy + axis.Direction.Y * radius * Radius);

    private static (double X, double Y) ScoreAt(RadarAxis axis) =>
        (Cx + axis.ScorePoint.X * Radius, Cy + axis.ScorePoint.Y * Radius);

    private static XElement Polygon(RadarChart radar, double radius, string fill, string stroke) =>
        new(Ns + "polygon",
            new XAttribute("points", Points(radar.Axes.Select(a => At(a, radius)))),
            new XAttribute("fill", fill),
            new XAttribute("stroke", stroke));

    // Outer band first, so each inner band paints over the one around it; the band inside ring v has the level of v − 1.
    private static XElement Bands(RadarChart radar) =>
        new(Ns + "g", new XAttribute("class", "bands"),
            radar.Rings.Reverse().Select(r => Polygon(radar, r.Radius, LevelPalette.For(Risk.RiskLevels.For(r.Value - 1)).TintHex, "none")));

    private static XElement Rings(RadarChart radar) =>
        new(Ns + "g", new XAttribute("class", "rings"), new XAttribute("stroke-width", "0.8"),
            radar.Rings.Select(r => Polygon(radar, r.Radius, "none", "#B8C2CF")),
            radar.Rings.Select(r => Text(Cx + 3, Cy - r.Radius * Radius - 2, Num(r.Value), "start", 9, "#6B7785")));

    private static XElement Spokes(RadarChart radar) =>
        new(Ns + "g", new XAttribute("class", "spokes"), new XAttribute("stroke", "#B8C2CF"), new XAttribute("stroke-width", "0.8"),
            radar.Axes.Select(a =>
            {
                var (x, y) = At(a, 1);
                return new XElement(Ns + "line",
                    new XAttribute("x1", Num(Cx)), new XAttribute("y1", Num(Cy)), new XAttribute("x2", Num(x)), new XAttribute("y2", Num(y)));
            }));

    private static XElement ScoreShape(RadarChart radar) =>
        new(Ns + "g", new XAttribute("class", "scores"),
            new XElement(Ns + "polygon",
                new XAttribute("points", Points(radar.Axes.Select(ScoreAt))),
                new XAttribute("fill", "#1F3A5F"), new XAttribute("fill-opacity", "0.18"),
                new XAttribute("stroke", "#1F3A5F"), new XAttribute("stroke-width", "2"), new XAttribute("stroke-linejoin", "round")),
            radar.Axes.Select(a =>
            {
                var (x, y) = ScoreAt(a);
                return new XElement(Ns + "circle",
                    new XAttribute("cx", Num(x)), new XAttribute("cy", Num(y)), new XAttribute("r", "4.5"),
                    new XAttribute("fill", LevelPalette.For(a.Level).Hex), new XAttribute("stroke", "#FFFFFF"), new XAttribute("stroke-width", "1.5"),
                    new XElement(Ns + "title", $"{a.Label}: {ChartFormat.Score(a.Score)} ({ChartFormat.Level(a.Level)})"));
            }));

    private static XElement Labels(RadarChart radar) =>
        new(Ns + "g", new XAttribute("class", "labels"),
            radar.Axes.Select(a =>
            {
                var (x, y) = At(a, 1.13);
                var anchor = a.Direction.X > 0.2 ? "start" : a.Direction.X < -0.2 ? "end" : "middle";
                var top = y + (a.Direction.Y > 0.3 ? 8 : a.Direction.Y < -0.3 ? -16 : 0);
                return new XElement(Ns + "g",
                    Text(x, top, a.ShortLabel, anchor, 12, "#1F2933", "600"),
                    Text(x, top + 14, ChartFormat.Score(a.Score), anchor, 11, LevelPalette.For(a.Level).Hex, "700"));
            }));
}
