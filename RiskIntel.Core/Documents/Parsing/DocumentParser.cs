using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Documents.Parsing.Docx;
using RiskIntel.Core.Documents.Parsing.Pdf;
using RiskIntel.Core.Documents.Parsing.Text;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Documents.Parsing;

/// <summary>
/// Parses a stored document of a detected format into pages, metadata, outline and tables. Bad or hostile
/// input ends in a non-retryable <see cref="InputValidationException"/> whose message says what happened;
/// cancellation is honoured between pages and every few thousand XML elements.
/// </summary>
public sealed partial class DocumentParser(IOptions<DocumentsOptions> options, ILogger<DocumentParser> logger)
{
    /// <summary>Parses <paramref name="path"/> as <paramref name="format"/> (use <see cref="DocumentFormatDetector"/> first).</summary>
    public async Task<ParsedDocument> ParseAsync(string path, DocumentKind format, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            throw new InputValidationException("the file is empty");
        }

        if (length > settings.MaxUploadBytes)
        {
            throw new InputValidationException($"the file has {length} bytes; at most {settings.MaxUploadBytes} are allowed");
        }

        var started = Stopwatch.GetTimestamp();
        var parsed = format switch
        {
            DocumentKind.Pdf => await new PdfDocumentParser(settings).ParseAsync(path, cancellationToken),
            DocumentKind.Docx => new DocxDocumentParser(settings).Parse(path, cancellationToken),
            DocumentKind.Text or DocumentKind.Markdown => new TextDocumentParser(settings).Parse(path, format, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.Parsed(logger, format, length, parsed.Metadata.Pages, parsed.Metadata.Words, parsed.Metadata.Ocr, elapsedMs);
        return parsed;
    }

    /// <summary>Detects the format by content and parses; unsupported content is an <see cref="InputValidationException"/>.</summary>
    public Task<ParsedDocument> DetectAndParseAsync(string path, string? fileName, CancellationToken cancellationToken)
    {
        var detection = new DocumentFormatDetector(options).Detect(path, fileName);
        return detection.IsSupported
            ? ParseAsync(path, detection.Format.Value, cancellationToken)
            : throw new InputValidationException(detection.UnsupportedReason);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Parsed a {Format} of {Bytes} bytes: {Pages} pages, {Words} words, OCR {Ocr}, {ElapsedMs:0} ms")]
        public static partial void Parsed(ILogger logger, DocumentKind format, long bytes, int pages, int words, bool ocr, double elapsedMs);
    }
}
