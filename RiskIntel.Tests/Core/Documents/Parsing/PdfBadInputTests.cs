using System.Text;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Errors;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class PdfBadInputTests : IDisposable
{
    private readonly ParsingKit _kit = new(new DocumentsOptions { MaxDecodedStreamBytes = 2_000_000, MaxContentStreamBytes = 64_000_000 });

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Parse_UserPasswordPdf_FailsAsEncrypted()
    {
        var pdf = SamplePdfWriter.Write(SampleBusinessPlan.Document(), new SamplePdfOptions(BeforeSave: d =>
        {
            d.SecuritySettings.UserPassword = "harvest";
            d.SecuritySettings.OwnerPassword = "owner";
        }));

        var error = await Parse("locked.pdf", pdf);

        Assert.StartsWith("the PDF is encrypted (password-protected)", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
        Assert.Equal("ValidationException", error.Kind);
    }

    [Fact]
    public async Task Parse_OwnerPasswordOnlyPdfThatForbidsCopying_IsStillRead()
    {
        var pdf = SamplePdfWriter.Write(SampleBusinessPlan.Document(), new SamplePdfOptions(BeforeSave: d =>
        {
            d.SecuritySettings.OwnerPassword = "owner";
            d.SecuritySettings.PermitExtractContent = false;
        }));
        Assert.Contains("/Encrypt", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);

        var parsed = await _kit.ParseAsync("restricted.pdf", pdf, DocumentKind.Pdf);

        Assert.Contains("has never missed an instalment.", parsed.Pages[0].Text.Replace('\n', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_TruncatedPdf_FailsAsTruncated()
    {
        var pdf = SamplePdfWriter.Write(SampleBusinessPlan.Document());

        var error = await Parse("cut.pdf", pdf[..(pdf.Length / 2)]);

        Assert.StartsWith("the PDF is truncated or damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_GarbageWithPdfHeader_FailsAsDamaged()
    {
        var junk = new byte[50_000];
        new Random(7).NextBytes(junk);

        var error = await Parse("corrupt.pdf", [.. "%PDF-1.7\n"u8, .. junk, .. "\n%%EOF\n"u8]);

        Assert.StartsWith("the PDF is damaged and cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_FlateBombContentStream_IsRefusedBeforeInflating()
    {
        var bomb = RawPdf.OnePage(new byte[50_000_000], deflate: true);
        Assert.True(bomb.Length < 200_000);

        var error = await Parse("bomb.pdf", bomb);

        Assert.StartsWith("a stream of the PDF decodes to more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_PageWithHugeGlyphRun_IsSkippedAndTheDocumentRefused()
    {
        using var kit = new ParsingKit();
        var glyphs = Encoding.ASCII.GetBytes("BT /F1 1 Tf 10 700 Td [(" + new string('a', 2_000_000) + ")] TJ ET");

        var error = await Assert.ThrowsAsync<InputValidationException>(() => kit.ParseAsync("dense.pdf", RawPdf.OnePage(glyphs, deflate: true), DocumentKind.Pdf));

        Assert.Equal("the PDF's pages are too complex to read: their content streams exceed 1024 KB (Documents:MaxContentStreamBytes)", error.Message);
    }

    [Fact]
    public async Task Parse_HandWrittenPdf_ReadsItsText()
    {
        var parsed = await _kit.ParseAsync("raw.pdf", RawPdf.OnePage("BT /F1 12 Tf 72 720 Td (Borehole costs KES 1.2 million) Tj ET"u8.ToArray(), deflate: true), DocumentKind.Pdf);

        Assert.Equal("Borehole costs KES 1.2 million", parsed.Pages[0].Text);
    }

    [Fact]
    public async Task Parse_PdfWithoutTextLayerAndOcrOff_SaysHowToEnableOcr()
    {
        var error = await Parse("scan.pdf", RawPdf.OnePage("0 0 1 rg 72 72 200 200 re f"u8.ToArray(), deflate: false));

        Assert.Equal(
            "ValidationException: the document has no text layer; OCR is not enabled (set Documents:Ocr=Tesseract and install tesseract-ocr and poppler-utils)",
            $"{error.Kind}: {error.Message}");
    }

    [Fact]
    public async Task Parse_MorePagesThanAllowed_FailsWithTheCap()
    {
        using var kit = new ParsingKit(new DocumentsOptions { MaxPages = 1 });

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            kit.ParseAsync("plan.pdf", SamplePdfWriter.Write(SampleBusinessPlan.Document()), DocumentKind.Pdf));

        Assert.Equal("the PDF has 2 pages; at most 1 are allowed", error.Message);
    }

    [Fact]
    public async Task DetectAndParse_PngNamedPdf_FailsWithTheDetectorsReason()
    {
        var path = _kit.Write("scan.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);

        var error = await Assert.ThrowsAsync<InputValidationException>(() => _kit.Parser.DetectAndParseAsync(path, "scan.pdf", default));

        Assert.StartsWith("the file is a PNG image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_EmptyFile_FailsAsEmpty()
    {
        var error = await Parse("empty.pdf", []);

        Assert.Equal("the file is empty", error.Message);
    }

    private Task<InputValidationException> Parse(string name, byte[] content) =>
        Assert.ThrowsAsync<InputValidationException>(() => _kit.ParseAsync(name, content, DocumentKind.Pdf));
}
