using PdfSharp.Drawing;

namespace RiskIntel.Core.Reports.Pdf.Layout;

/// <summary>A4 portrait in points, with the body area between the running header and footer.</summary>
internal static class PageGeometry
{
    public const double Width = 595.276;
    public const double Height = 841.89;
    public const double MarginX = 56;
    public const double BodyTop = 76;
    public const double BodyBottom = Height - 60;

    public static XRect Body { get; } = new(MarginX, BodyTop, Width - (2 * MarginX), BodyBottom - BodyTop);
}
