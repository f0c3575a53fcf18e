using PdfSharp.Drawing;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Pdf.Drawing;

/// <summary>A level as a coloured pill with its label ("HIGH"), usable inline in a cell or drawn anywhere.</summary>
internal sealed class LevelBadge(RiskLevel level, double size, TextMeasurer measurer) : ILineBox
{
    private readonly TextStyle _style = new(size, FontFace.Bold, ReportTheme.OnLevel(level));
    private readonly string _label = LevelPalette.For(level).Label;

    public double Width => measurer.Width(_label, _style) + (size * 1.3);

    public double Height => (size * 1.75) + 2;

    public void Draw(DrawContext context, double x, double top)
    {
        var rect = new XRect(x, top + 1, Width, Height - 2);
        context.Graphics.DrawRoundedRectangle(new XSolidBrush(ReportTheme.Level(level)), rect, new XSize(size * 0.9, size * 0.9));
        var baseline = rect.Top + (rect.Height / 2) + (size * 0.36);
        context.DrawText(_label, _style, rect.Left + (size * 0.65), baseline);
    }
}
