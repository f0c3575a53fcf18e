using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Documents;

/// <summary>
/// When a PARSE_DOCUMENT job ends: records the outcome on the document and its assessment and, after a successful
/// parse, chains GAP_DETECTION over all the assessment's parsed documents — in the transaction that records the
/// parse, so the chain survives a crash between the two steps.
/// </summary>
internal sealed class ParseCompletionHandler(TimeProvider time) : IJobCompletionHandler
{
    public bool Handles(JobType type) => type == JobType.ParseDocument;

    public async Task OnFinishedAsync(JobCompletion completion, CancellationToken cancellationToken)
    {
        var input = completion.GetInput<ParseDocumentInput>();
        var db = completion.Db;
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == input.DocumentId, cancellationToken);
        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.Id == input.AssessmentId, cancellationToken);
        if (document is null || assessment is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (completion.Status == JobStatus.Completed && completion.GetResult<ParseDocumentResult>() is { } result)
        {
            var meta = result.Metadata;
            document.MarkParsed(meta.Pages, meta.Words, meta.Title, meta.Author, meta.Ocr, now);
            assessment.Analyzing(40, $"Looking for gaps in {document.FileName} ({meta.Pages} pages)", now);
            completion.Enqueue(JobType.GapDetection, new JsonObject { ["assessmentId"] = assessment.Id, ["trigger"] = document.Id });
            return;
        }

        var reason = completion.Status == JobStatus.Cancelled ? "the upload was cancelled before it was read" : PlainError(completion.Error);
        document.MarkFailed(completion.Error ?? reason, now);
        var othersParsed = await db.Documents.AnyAsync(
            d => d.AssessmentId == assessment.Id && d.Id != document.Id && d.Status == DocumentStatus.Parsed, cancellationToken);
        var message = $"{document.FileName} could not be read: {reason}";
        if (othersParsed || completion.Status == JobStatus.Cancelled)
        {
            assessment.Settle(message, await db.GapFields.AnyAsync(g => g.AssessmentId == assessment.Id, cancellationToken), now);
        }
        else
        {
            assessment.Fail(message, now);
        }
    }

    /// <summary><c>ValidationException: the PDF is encrypted…</c> → <c>the PDF is encrypted…</c>.</summary>
    internal static string PlainError(string? error)
    {
        if (string.IsNullOrWhiteSpace(error))
        {
            return "the step failed";
        }

        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && colon < 60 && !error[..colon].Contains(' ', StringComparison.Ordinal) ? error[(colon + 2)..] : error;
    }
}
