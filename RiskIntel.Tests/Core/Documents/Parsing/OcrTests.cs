using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Documents.Parsing.Ocr;
using RiskIntel.Tests.Infrastructure;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class OcrTests : IDisposable
{
    private const string Sentence = "Drip irrigation reduced water use by forty percent";
    private readonly ParsingKit _kit = new(new DocumentsOptions { Ocr = OcrMode.Tesseract, OcrDpi = 200 });

    public void Dispose() => _kit.Dispose();

    [ExternalToolFact("tesseract", "pdftoppm")]
    public async Task Parse_ImageOnlyPdf_WithTesseract_ReadsTheWordsBack()
    {
        var scan = await ScannedPdfAsync();

        var parsed = await _kit.ParseAsync("scan.pdf", scan, DocumentKind.Pdf);

        Assert.True(parsed.Metadata.Ocr);
        Assert.Equal(1, parsed.Metadata.Pages);
        Assert.Contains(Sentence, parsed.Pages[0].Text.Replace('\n', ' '), StringComparison.Ordinal);
    }

    [ExternalToolFact("tesseract", "pdftoppm")]
    public async Task Recognize_CancelledToken_StopsBeforeRenderingWithOperationCanceled()
    {
        var path = _kit.Write("scan.pdf", await ScannedPdfAsync());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new TesseractOcr(_kit.Options).RecognizeAsync(path, [1], cancelled.Token));
    }

    /// <summary>A PDF whose only page is a picture of text: text rendered by PDFsharp, rasterised by pdftoppm, placed as a PNG.</summary>
    private async Task<byte[]> ScannedPdfAsync()
    {
        var text = SamplePdfWriter.Write(new SampleDocument("Scan", null, [new SampleHeading(1, "Field report"), new SampleParagraph(Sentence)]));
        var textPath = _kit.Write("text.pdf", text);
        var prefix = Path.Combine(Path.GetDirectoryName(textPath)!, "picture");
        var render = await ExternalProcess.RunAsync("pdftoppm", ["-r", "150", "-png", "-singlefile", textPath, prefix], TimeSpan.FromMinutes(1), default);
        Assert.Equal(0, render.ExitCode);

        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        using (var image = XImage.FromFile(prefix + ".png"))
        {
            graphics.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        var scan = output.ToArray();
        Assert.Empty(UglyToad.PdfPig.PdfDocument.Open(scan).GetPage(1).Letters);
        return scan;
    }
}
