using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Files;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Documents;

/// <summary>
/// Takes an upload into an assessment: streams it into the file store while hashing, decides its type by content,
/// refuses a file already there, and stores the document together with its PARSE_DOCUMENT job.
/// </summary>
public sealed partial class DocumentService(
    IDbContextFactory<RiskIntelDbContext> dbFactory,
    IFileStore files,
    DocumentFormatDetector detector,
    JobService jobs,
    IOptions<DocumentsOptions> options,
    TimeProvider time,
    ILogger<DocumentService> logger)
{
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public async Task<UploadResult> UploadAsync(
        Guid assessmentId, string userId, string? fileName, Stream content, CancellationToken cancellationToken)
    {
        await using (var db = dbFactory.CreateDbContext())
        {
            if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.CreatedById == userId, cancellationToken))
            {
                return new UploadResult(UploadOutcome.AssessmentNotFound);
            }
        }

        StoredFile stored;
        try
        {
            stored = await files.SaveAsync(content, options.Value.MaxUploadBytes, cancellationToken);
        }
        catch (FileTooLargeException ex)
        {
            return new UploadResult(UploadOutcome.TooLarge, Reason: ex.Message);
        }

        var name = DocumentFileNames.Sanitise(fileName);
        try
        {
            var outcome = await AcceptAsync(assessmentId, userId, name, stored, cancellationToken);
            if (outcome.Outcome != UploadOutcome.Accepted)
            {
                await files.DeleteAsync(stored.Key, CancellationToken.None);
            }

            return outcome;
        }
        catch
        {
            await files.DeleteAsync(stored.Key, CancellationToken.None);
            throw;
        }
    }

    private async Task<UploadResult> AcceptAsync(Guid assessmentId, string userId, string name, StoredFile stored, CancellationToken cancellationToken)
    {
        FormatDetection detection;
        await using (var file = await files.OpenReadAsync(stored.Key, cancellationToken))
        {
            detection = detector.Detect(file, name);
        }

        if (!detection.IsSupported)
        {
            return new UploadResult(UploadOutcome.Unsupported, Reason: detection.UnsupportedReason);
        }

        if (await FindDuplicateAsync(assessmentId, stored.Sha256, cancellationToken) is { } existing)
        {
            return Duplicate(existing);
        }

        var document = Document.Upload(assessmentId, name, detection.ContentType!, stored, userId, time.GetUtcNow().UtcDateTime);
        var input = JsonSerializer.SerializeToNode(new ParseDocumentInput(document.Id, assessmentId, name), ApiJson.Options)!.AsObject();
        Jobs.SubmitResult submitted;
        try
        {
            submitted = await jobs.SubmitAsync(new JobSubmission(JobType.ParseDocument, input, userId), async (db, jobId, ct) =>
            {
                document.QueueParse(jobId);
                db.Documents.Add(document);
                var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId, ct);
                assessment.Analyzing(10, $"Reading {name}", time.GetUtcNow().UtcDateTime);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same file uploaded twice at once: the unique (assessment, SHA-256) index lets one in.
            if (await FindDuplicateAsync(assessmentId, stored.Sha256, cancellationToken) is { } raced)
            {
                return Duplicate(raced);
            }

            throw;
        }

        Log.Uploaded(logger, document.Id, assessmentId, stored.Bytes, detection.Format!.Value);
        return new UploadResult(UploadOutcome.Accepted, document.ToDto(), submitted.Job);
    }

    private static UploadResult Duplicate(DocumentDto existing) => new(
        UploadOutcome.Duplicate, existing,
        Reason: $"This file is already in the assessment as \"{existing.FileName}\" (document {existing.Id}, {existing.Status.ToString().ToUpperInvariant()}).");

    private async Task<DocumentDto?> FindDuplicateAsync(Guid assessmentId, string sha256, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var existing = await db.Documents.AsNoTracking()
            .FirstOrDefaultAsync(d => d.AssessmentId == assessmentId && d.Sha256 == sha256, cancellationToken);
        return existing?.ToDto();
    }

    /// <summary>Deletes a document, its pages and then its file.</summary>
    public async Task<bool> DeleteAsync(Guid assessmentId, Guid documentId, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var document = await db.Documents
            .Where(d => d.Id == documentId && d.AssessmentId == assessmentId
                && db.Assessments.Any(a => a.Id == assessmentId && a.CreatedById == userId))
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return false;
        }

        db.Documents.Remove(document);
        await db.SaveChangesAsync(cancellationToken);
        await files.DeleteAsync(document.StorageKey, CancellationToken.None);
        Log.Deleted(logger, documentId, assessmentId);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} uploaded to assessment {AssessmentId}: {Bytes} bytes, {Format}")]
        public static partial void Uploaded(ILogger logger, Guid documentId, Guid assessmentId, long bytes, DocumentKind format);

        [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} of assessment {AssessmentId} deleted")]
        public static partial void Deleted(ILogger logger, Guid documentId, Guid assessmentId);
    }
}
