using PdfSharp.Drawing;
using RiskIntel.Core.Reports.Fonts;
using RiskIntel.Core.Reports.Pdf.Layout;

namespace RiskIntel.Tests.Core.Reports.Pdf.Layout;

/// <summary>A real measurer (Roboto through PDFsharp) shared by layout tests, and the styles they use.</summary>
public sealed class LayoutFixture : IDisposable
{
    public LayoutFixture()
    {
        ReportFonts.EnsureRegistered();
        Text = new TextMeasurer();
    }

    internal static TextStyle Body { get; } = new(10, FontFace.Regular, XColors.Black);

    internal static TextStyle Bold { get; } = new(10, FontFace.Bold, XColors.Black);

    internal TextMeasurer Text { get; }

    internal LayoutContext Context(double width = 300, double pageHeight = 400) => new(Text, width, pageHeight);

    public void Dispose() => Text.Dispose();
}
