using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Gaps;

public enum ReviewOutcome
{
    Saved,
    NotFound,
    UnknownFields,
    NothingDetected,
    MissingMandatory,
    NoParsedDocument,
    Submitted,
}

/// <summary>The answer of a review: the saved fields, the ids that are not the assessment's, the mandatory fields still open, or the analysis job.</summary>
public sealed record ReviewResult(
    ReviewOutcome Outcome,
    IReadOnlyList<GapFieldDto>? Fields = null,
    IReadOnlyList<Guid>? UnknownIds = null,
    IReadOnlyList<string>? Missing = null,
    JobDto? Job = null);

/// <summary>The analyst's review of the gaps: corrections saved in batches, and the submission that starts risk analysis.</summary>
public sealed class GapReviewService(IDbContextFactory<RiskIntelDbContext> dbFactory, JobService jobs, TimeProvider time)
{
    public async Task<ReviewResult> SaveAsync(Guid assessmentId, string userId, IReadOnlyList<GapReviewItem> items, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.CreatedById == userId, cancellationToken))
        {
            return new ReviewResult(ReviewOutcome.NotFound);
        }

        var ids = items.Select(i => i.Id).ToHashSet();
        var fields = await db.GapFields.Where(g => g.AssessmentId == assessmentId && ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var unknown = ids.Where(id => !fields.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            return new ReviewResult(ReviewOutcome.UnknownFields, UnknownIds: unknown);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var item in items)
        {
            fields[item.Id].Review(item.Correction, item.Status, userId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ReviewResult(ReviewOutcome.Saved, Fields: fields.Values.Select(f => f.ToDto()).ToList());
    }

    /// <summary>Runs gap detection again over all parsed documents (e.g. after a prompt was changed); corrections are kept.</summary>
    public async Task<ReviewResult> DetectAgainAsync(Guid assessmentId, string userId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using (var db = dbFactory.CreateDbContext())
        {
            if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.CreatedById == userId, cancellationToken))
            {
                return new ReviewResult(ReviewOutcome.NotFound);
            }

            if (!await db.Documents.AnyAsync(d => d.AssessmentId == assessmentId && d.Status == Documents.DocumentStatus.Parsed, cancellationToken))
            {
                return new ReviewResult(ReviewOutcome.NoParsedDocument);
            }
        }

        var submission = new JobSubmission(JobType.GapDetection, new JsonObject { ["assessmentId"] = assessmentId }, userId, idempotencyKey);
        var submitted = await jobs.SubmitAsync(submission, async (db, _, ct) =>
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId, ct);
            assessment.Analyzing(40, "Looking for gaps again", time.GetUtcNow().UtcDateTime);
        }, cancellationToken);
        return new ReviewResult(ReviewOutcome.Submitted, Job: submitted.Job);
    }

    /// <summary>
    /// Checks the mandatory fields on the server (each VERIFIED or corrected) and submits RISK_ANALYSIS; the
    /// assessment moves to ANALYZING in the same transaction as the job.
    /// </summary>
    public async Task<ReviewResult> SubmitAsync(Guid assessmentId, string userId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using (var db = dbFactory.CreateDbContext())
        {
            if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.CreatedById == userId, cancellationToken))
            {
                return new ReviewResult(ReviewOutcome.NotFound);
            }

            var fields = await db.GapFields.AsNoTracking().Where(g => g.AssessmentId == assessmentId).ToListAsync(cancellationToken);
            if (fields.Count == 0)
            {
                return new ReviewResult(ReviewOutcome.NothingDetected);
            }

            var missing = fields.Where(f => f.IsMandatory && !f.IsResolved).Select(f => f.Field).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                return new ReviewResult(ReviewOutcome.MissingMandatory, Missing: missing);
            }
        }

        var submission = new JobSubmission(JobType.RiskAnalysis, new JsonObject { ["assessmentId"] = assessmentId }, userId, idempotencyKey);
        var submitted = await jobs.SubmitAsync(submission, async (db, _, ct) =>
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId, ct);
            assessment.Analyzing(80, "Scoring the risk", time.GetUtcNow().UtcDateTime);
        }, cancellationToken);
        return new ReviewResult(ReviewOutcome.Submitted, Job: submitted.Job);
    }
}
