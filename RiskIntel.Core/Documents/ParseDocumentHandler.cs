using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Files;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Documents;

/// <summary>The <c>PARSE_DOCUMENT</c> result (SPEC §4).</summary>
public sealed record ParseDocumentResult(
    Guid DocumentId,
    string Text,
    bool TextTruncated,
    ParseMetadata Metadata,
    IReadOnlyList<OutlineEntry> Outline,
    IReadOnlyList<ParsedTable> Tables);

public sealed record ParseMetadata(
    int Pages, int Words, string? Title, string? Author, string ContentType, string FileName, string Sha256, bool Ocr);

/// <summary>
/// PARSE_DOCUMENT: reads the stored file locally (PDF, DOCX, TXT, MD; OCR when enabled) and keeps every page's
/// text. Writing the pages is idempotent, so a retried attempt replaces what an interrupted one left.
/// </summary>
public sealed class ParseDocumentHandler(
    IDbContextFactory<RiskIntelDbContext> dbFactory, IFileStore files, DocumentFormatDetector detector, DocumentParser parser) : IJobHandler
{
    public JobType Type => JobType.ParseDocument;

    public async Task<object> ExecuteAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        var input = attempt.GetInput<ParseDocumentInput>();
        Document document;
        await using (var db = dbFactory.CreateDbContext())
        {
            document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == input.DocumentId, cancellationToken)
                ?? throw new ResourceNotFoundException("the document was deleted before it could be read");
        }

        await attempt.ReportProgressAsync(5, $"Reading {document.FileName}", cancellationToken);
        var parsed = await ParseStoredFileAsync(document, cancellationToken);
        await attempt.ReportProgressAsync(80, $"Keeping {parsed.Pages.Count} pages", cancellationToken);
        await StorePagesAsync(document.Id, parsed.Pages, cancellationToken);

        var text = parsed.ToResultText();
        var meta = parsed.Metadata;
        return new ParseDocumentResult(
            document.Id, text.Text, text.TextTruncated,
            new ParseMetadata(meta.Pages, meta.Words, meta.Title, meta.Author, meta.ContentType, document.FileName, document.Sha256, meta.Ocr),
            parsed.Outline, parsed.Tables);
    }

    // Parsers need random access (PDF) and a path (OCR tools), and the store may not be a local folder.
    private async Task<ParsedDocument> ParseStoredFileAsync(Document document, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"riskintel-parse-{Guid.NewGuid():N}");
        try
        {
            await using (var source = await files.OpenReadAsync(document.StorageKey, cancellationToken))
            await using (var copy = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await source.CopyToAsync(copy, cancellationToken);
            }

            var detection = detector.Detect(path, document.FileName);
            if (!detection.IsSupported)
            {
                throw new InputValidationException(detection.UnsupportedReason!);
            }

            return await parser.ParseAsync(path, detection.Format!.Value, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task StorePagesAsync(Guid documentId, IReadOnlyList<PageText> pages, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        await db.DocumentPages.Where(p => p.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        foreach (var batch in pages.Chunk(200))
        {
            db.DocumentPages.AddRange(batch.Select(p => new DocumentPage(documentId, p.Page, p.Text)));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
