using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace RiskIntel.Core.Reports.Pdf.Layout;

/// <summary>What a fragment draws with: the page's graphics, the page itself (for links) and the shared fonts.</summary>
internal sealed record DrawContext(XGraphics Graphics, PdfPage Page, TextMeasurer Text)
{
    public void DrawText(string text, TextStyle style, double x, double baseline) =>
        Graphics.DrawString(text, Text.Font(style), new XSolidBrush(style.Color), x, baseline, XStringFormats.BaseLineLeft);

    public void FillRect(XColor color, XRect rect) => Graphics.DrawRectangle(new XSolidBrush(color), rect);

    public void Line(XColor color, double width, double x1, double y1, double x2, double y2) =>
        Graphics.DrawLine(new XPen(color, width), x1, y1, x2, y2);
}
