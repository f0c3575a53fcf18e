using PdfSharp.Drawing;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Risk;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Drawing;

/// <summary>The radar of <see cref="RadarChart"/> in vectors (polygons, lines, text), beside the overall score and a level key.</summary>
internal static class RadarDrawing
{
    public const double Height = 290;
    private const double Radius = 100;
    private static readonly XColor Grid = Hex("#B8C2CF");
    private static readonly TextStyle AxisLabel = new(8.6, FontFace.Medium, Ink);
    private static readonly TextStyle RingLabel = new(6.5, FontFace.Regular, Muted);

    public static IFlowBlock Block(RadarChart radar) => new FixedBlock(Height, (context, area) => Draw(context, area, radar), new FlowOptions(SpaceBefore: 4, SpaceAfter: 8));

    private static void Draw(DrawContext context, XRect area, RadarChart radar)
    {
        var g = context.Graphics;
        var centre = new XPoint(area.Left + 175, area.Top + (Height / 2));
        XPoint At(RadarAxis axis, double r) => new(centre.X + (axis.Direction.X * r * Radius), centre.Y + (axis.Direction.Y * r * Radius));
        XPoint[] Ring(double r) => radar.Axes.Select(a => At(a, r)).ToArray();

        foreach (var ring in radar.Rings.Reverse())
        {
            g.DrawPolygon(new XSolidBrush(LevelTint(RiskLevels.For(ring.Value - 1))), Ring(ring.Radius), XFillMode.Winding);
        }

        var gridPen = new XPen(Grid, 0.6);
        foreach (var ring in radar.Rings)
        {
            g.DrawPolygon(gridPen, Ring(ring.Radius));
            context.DrawText(SvgNumber(ring.Value), RingLabel, centre.X + 3, centre.Y - (ring.Radius * Radius) + 7);
        }

        foreach (var axis in radar.Axes)
        {
            var tip = At(axis, 1);
            g.DrawLine(gridPen, centre.X, centre.Y, tip.X, tip.Y);
        }

        var scores = radar.Axes.Select(a => new XPoint(centre.X + (a.ScorePoint.X * Radius), centre.Y + (a.ScorePoint.Y * Radius))).ToArray();
        g.DrawPolygon(new XPen(Navy, 1.6) { LineJoin = XLineJoin.Round }, new XSolidBrush(XColor.FromArgb(48, Navy)), scores, XFillMode.Winding);
        for (var i = 0; i < scores.Length; i++)
        {
            g.DrawEllipse(new XPen(White, 1.1), new XSolidBrush(Level(radar.Axes[i].Level)), scores[i].X - 3.6, scores[i].Y - 3.6, 7.2, 7.2);
        }

        foreach (var axis in radar.Axes)
        {
            Label(context, At(axis, 1.12), axis);
        }

        Legend(context, new XRect(area.Left + 355, area.Top + 30, area.Width - 355, Height - 60), radar);
    }

    private static void Label(DrawContext context, XPoint at, RadarAxis axis)
    {
        var score = ChartFormat.Score(axis.Score);
        var scoreStyle = AxisLabel with { Face = FontFace.Bold, Color = Level(axis.Level) };
        var width = Math.Max(context.Text.Width(axis.ShortLabel, AxisLabel), context.Text.Width(score, scoreStyle));
        var x = axis.Direction.X > 0.2 ? at.X : axis.Direction.X < -0.2 ? at.X - width : at.X - (width / 2);
        var top = axis.Direction.Y < -0.3 ? at.Y - 22 : axis.Direction.Y > 0.3 ? at.Y : at.Y - 11;
        var align = axis.Direction.X > 0.2 ? Align.Left : axis.Direction.X < -0.2 ? Align.Right : Align.Center;
        context.DrawText(axis.ShortLabel, AxisLabel, x + align.Offset(width, context.Text.Width(axis.ShortLabel, AxisLabel)), top + 9);
        context.DrawText(score, scoreStyle, x + align.Offset(width, context.Text.Width(score, scoreStyle)), top + 20);
    }

    private static void Legend(DrawContext context, XRect area, RadarChart radar)
    {
        context.DrawText("Overall score", Small, area.Left, area.Top + 8);
        var score = ChartFormat.Score(radar.OverallScore);
        var big = new TextStyle(30, FontFace.Bold, Navy);
        context.DrawText(score, big, area.Left, area.Top + 42);
        context.DrawText("/ 100", Small, area.Left + context.Text.Width(score, big) + 4, area.Top + 42);
        new LevelBadge(radar.OverallLevel, 8, context.Text).Draw(context, area.Left, area.Top + 50);

        var y = area.Top + 96;
        context.DrawText("Risk bands (higher is riskier)", Small, area.Left, y);
        foreach (var (level, range) in LevelRanges)
        {
            y += 17;
            context.Graphics.DrawRoundedRectangle(new XSolidBrush(Level(level)), new XRect(area.Left, y - 8, 18, 10), new XSize(3, 3));
            context.DrawText(LevelPalette.For(level).Label, CellStrong, area.Left + 25, y);
            context.DrawText(range, Cell with { Color = Muted }, area.Left + 85, y);
        }
    }

    public static IReadOnlyList<(RiskLevel Level, string Range)> LevelRanges { get; } =
        [(RiskLevel.Low, "0–24"), (RiskLevel.Moderate, "25–49"), (RiskLevel.High, "50–74"), (RiskLevel.Critical, "75–100")];

    private static string SvgNumber(double value) => value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
