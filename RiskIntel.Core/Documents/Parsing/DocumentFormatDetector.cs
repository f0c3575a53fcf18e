using Microsoft.Extensions.Options;
using RiskIntel.Core.Documents.Parsing.Packaging;
using RiskIntel.Core.Documents.Parsing.Text;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Documents.Parsing;

/// <summary>
/// Decides a document's type by its content, never by its name: a <c>%PDF-</c> header within the first
/// 1024 bytes, a zip/OPC package with <c>word/document.xml</c>, or bytes that decode as text. The file name
/// only tells Markdown from plain text. Reads the first 64 KB and, for zips, the central directory.
/// </summary>
public sealed class DocumentFormatDetector(IOptions<DocumentsOptions> options)
{
    private const int SampleBytes = 64 * 1024;

    public FormatDetection Detect(string path, string? fileName = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.RandomAccess);
        return Detect(stream, fileName ?? Path.GetFileName(path));
    }

    /// <summary>Detects from a seekable stream; its position is restored to 0 afterwards.</summary>
    public FormatDetection Detect(Stream stream, string? fileName = null)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable.", nameof(stream));
        }

        try
        {
            return DetectCore(stream, fileName);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private FormatDetection DetectCore(Stream stream, string? fileName)
    {
        if (stream.Length == 0)
        {
            return FormatDetection.Unsupported("the file is empty");
        }

        stream.Position = 0;
        var sample = new byte[(int)Math.Min(SampleBytes, stream.Length)];
        stream.ReadExactly(sample);
        var head = sample.AsSpan();

        if (head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return FormatDetection.Supported(DocumentKind.Pdf);
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return DetectZip(stream);
        }

        if (BinarySignatures.Describe(head) is { } binary)
        {
            return FormatDetection.Unsupported(binary);
        }

        var text = TextSniffer.DecodeSample(head, isWholeFile: sample.Length == stream.Length);
        if (text is null)
        {
            return FormatDetection.Unsupported("the file is binary data, not a PDF, DOCX, text or Markdown document");
        }

        if (text.TrimStart().StartsWith(@"{\rtf", StringComparison.Ordinal))
        {
            return FormatDetection.Unsupported("the file is an RTF document; save it as DOCX or PDF");
        }

        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return FormatDetection.Supported(extension is ".md" or ".markdown" || TextSniffer.HasAtxHeading(text)
            ? DocumentKind.Markdown
            : DocumentKind.Text);
    }

    private FormatDetection DetectZip(Stream stream)
    {
        IReadOnlyList<ZipEntryInfo> entries;
        try
        {
            entries = ZipDirectory.Read(stream, options.Value.MaxZipEntries);
        }
        catch (InputValidationException ex)
        {
            return FormatDetection.Unsupported(ex.Message);
        }

        var names = entries.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml"))
        {
            return FormatDetection.Supported(DocumentKind.Docx);
        }

        return FormatDetection.Unsupported(
            names.Contains("xl/workbook.xml") ? "the file is an Excel workbook (XLSX); upload a PDF, DOCX, TXT or MD document"
            : names.Contains("ppt/presentation.xml") ? "the file is a PowerPoint presentation (PPTX); export it as PDF"
            : names.Contains("mimetype") && names.Contains("content.xml") ? "the file is an OpenDocument file; save it as DOCX or PDF"
            : names.Contains("[Content_Types].xml") ? "the file is an Office (OPC) package without word/document.xml, so not a DOCX"
            : "the file is a ZIP archive without word/document.xml, so not a DOCX");
    }
}
