using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RiskIntel.Core.Reports.Fonts;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace RiskIntel.Tests.Core.Reports;

public sealed class ReportFontsTests
{
    [Fact]
    public void EnsureRegistered_PdfWrittenWithAnyFamily_EmbedsRobotoAndReadsBack()
    {
        ReportFonts.EnsureRegistered();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawString("Coopérative laitière de Nyeri — 3 × 5", new XFont("Arial", 12, XFontStyleEx.Bold), XBrushes.Black, new XPoint(50, 80));
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);

        using var pdf = PigDocument.Open(buffer.ToArray());
        var pdfPage = pdf.GetPage(1);
        Assert.Contains("Coopérative laitière de Nyeri", pdfPage.Text, StringComparison.Ordinal);
        Assert.All(pdfPage.Letters, letter => Assert.Contains("Roboto", letter.FontName, StringComparison.Ordinal));
    }
}
