using PdfSharp.Drawing;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Layout;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Drawing;

/// <summary>A category's subcategory bars in vectors: a 0–100 track per subcategory with the band limits marked.</summary>
internal static class BarsDrawing
{
    private const double Row = 19;
    private const double LabelWidth = 118;
    private const double ValueRoom = 34;
    private static readonly TextStyle Label = new(8.4, FontFace.Regular, Ink);
    private static readonly TextStyle Value = new(8.4, FontFace.Bold, Ink);
    private static readonly TextStyle Tick = new(6.6, FontFace.Regular, Muted);

    public static double Height(CategoryBars bars) => (bars.Bars.Count * Row) + 16;

    public static void Draw(DrawContext context, XRect area, CategoryBars bars)
    {
        var left = area.Left + LabelWidth;
        var width = area.Width - LabelWidth - ValueRoom;
        double X(double score) => left + (Math.Clamp(score, 0, 100) / 100 * width);
        var bottom = area.Top + (bars.Bars.Count * Row);

        var dashed = new XPen(Rule, 0.6) { DashStyle = XDashStyle.Dash };
        foreach (var limit in RiskChart.RingValues.Take(3))
        {
            context.Graphics.DrawLine(dashed, X(limit), area.Top, X(limit), bottom);
        }

        for (var i = 0; i < bars.Bars.Count; i++)
        {
            var bar = bars.Bars[i];
            var top = area.Top + (i * Row);
            var name = context.Text.Fit(bar.Name, Label, LabelWidth - 10);
            context.DrawText(name, Label, left - 10 - context.Text.Width(name, Label), top + 12.5);
            context.Graphics.DrawRoundedRectangle(new XSolidBrush(Zebra), new XRect(left, top + 4, width, 11), new XSize(3, 3));
            if (bar.Score > 0)
            {
                context.Graphics.DrawRoundedRectangle(new XSolidBrush(Level(bar.Level)), new XRect(left, top + 4, Math.Max(X(bar.Score) - left, 3), 11), new XSize(3, 3));
            }

            context.DrawText(ChartFormat.Score(bar.Score), Value, X(bar.Score) + 5, top + 12.8);
        }

        context.Line(Rule, 0.6, left, bottom + 2, left + width, bottom + 2);
        foreach (var tick in new[] { 0.0, 25, 50, 75, 100 })
        {
            var text = tick.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
            context.DrawText(text, Tick, X(tick) - (context.Text.Width(text, Tick) / 2), bottom + 11);
        }
    }
}
