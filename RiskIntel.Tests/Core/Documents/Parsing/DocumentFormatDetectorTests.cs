using System.IO.Compression;
using System.Text;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class DocumentFormatDetectorTests : IDisposable
{
    private readonly ParsingKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Detect_PdfNamedTxt_IsPdfByContent()
    {
        var detection = Detect("plan.txt", SamplePdfWriter.Write(SampleBusinessPlan.Document()));

        Assert.Equal(FormatDetection.Supported(DocumentKind.Pdf), detection);
        Assert.Equal("application/pdf", detection.ContentType);
    }

    [Fact]
    public void Detect_PdfHeaderAfterJunkWithin1024Bytes_IsPdf()
    {
        var pdf = SamplePdfWriter.Write(SampleBusinessPlan.Document());

        Assert.Equal(DocumentKind.Pdf, Detect("x.bin", [.. new byte[700], .. pdf]).Format);
    }

    [Fact]
    public void Detect_DocxNamedPdf_IsDocx()
    {
        Assert.Equal(DocumentKind.Docx, Detect("plan.pdf", SampleDocxWriter.Write(SampleBusinessPlan.Document())).Format);
    }

    [Theory]
    [InlineData("plan.md", DocumentKind.Markdown)]
    [InlineData("plan.markdown", DocumentKind.Markdown)]
    [InlineData("plan.txt", DocumentKind.Markdown)]
    public void Detect_MarkdownWithHeadings_IsMarkdown(string name, DocumentKind expected)
    {
        Assert.Equal(expected, Detect(name, Encoding.UTF8.GetBytes(SampleMarkdown.ToMarkdown(SampleBusinessPlan.Document()))).Format);
    }

    [Fact]
    public void Detect_PlainTextWithoutHeadings_IsText()
    {
        var detection = Detect("notes", Encoding.UTF8.GetBytes(SampleMarkdown.ToText(SampleBusinessPlan.Document())));

        Assert.Equal(FormatDetection.Supported(DocumentKind.Text), detection);
        Assert.Equal("text/plain", detection.ContentType);
    }

    [Fact]
    public void Detect_Windows1252Text_IsText()
    {
        Assert.Equal(DocumentKind.Text, Detect("legacy.txt", [.. "Caf"u8, 0xE9, .. " au lait\r\n"u8]).Format);
    }

    [Fact]
    public void Detect_Utf16TextWithBom_IsTextDespiteNulBytes()
    {
        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Kilimo Bora cooperative, annual report\r\n")];

        Assert.Equal(DocumentKind.Text, Detect("report.txt", utf16).Format);
    }

    [Fact]
    public void Detect_EmptyFile_SaysTheFileIsEmpty()
    {
        Assert.Equal(FormatDetection.Unsupported("the file is empty"), Detect("empty.pdf", []));
    }

    [Fact]
    public void Detect_PngNamedPdf_SaysItIsAPngImage()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8];

        var detection = Detect("scan.pdf", png);

        Assert.False(detection.IsSupported);
        Assert.StartsWith("the file is a PNG image", detection.UnsupportedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_Xlsx_SaysItIsAnExcelWorkbook()
    {
        var detection = Detect("figures.docx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")));

        Assert.StartsWith("the file is an Excel workbook (XLSX)", detection.UnsupportedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_ZipWithoutWordDocument_SaysItIsNotADocx()
    {
        var detection = Detect("plan.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<styles/>")));

        Assert.Equal("the file is an Office (OPC) package without word/document.xml, so not a DOCX", detection.UnsupportedReason);
    }

    [Fact]
    public void Detect_BinaryWithNulBytes_IsRefused()
    {
        var detection = Detect("data.txt", [.. "header"u8, 0, 1, 2, 3, .. "more"u8]);

        Assert.Equal("the file is binary data, not a PDF, DOCX, text or Markdown document", detection.UnsupportedReason);
    }

    [Fact]
    public void Detect_LargeFile_ReadsOnlyTheHead()
    {
        using var stream = new CountingStream(Encoding.UTF8.GetBytes(new string('a', 10_000_000)));

        Assert.Equal(DocumentKind.Text, _kit.Detector.Detect(stream, "big.txt").Format);
        Assert.True(stream.BytesRead <= 64 * 1024, $"read {stream.BytesRead} bytes");
        Assert.Equal(0, stream.Position);
    }

    internal static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    private FormatDetection Detect(string name, byte[] content) => _kit.Detector.Detect(_kit.Write(name, content), name);

    private sealed class CountingStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position { get => _inner.Position; set => _inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
