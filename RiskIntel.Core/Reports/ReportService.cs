using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Reports;

public enum ReportRequestOutcome
{
    Submitted,
    NotFound,
    NotScored,
}

/// <summary>Asks for a report of a user's own assessment (REPORT_GENERATION), of the latest analysis or a given version.</summary>
public sealed class ReportService(IDbContextFactory<RiskIntelDbContext> dbFactory, JobService jobs)
{
    public async Task<(ReportRequestOutcome Outcome, JobDto? Job)> RequestAsync(
        Guid assessmentId, string userId, int? analysisVersion, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using (var db = dbFactory.CreateDbContext())
        {
            if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.CreatedById == userId, cancellationToken))
            {
                return (ReportRequestOutcome.NotFound, null);
            }

            var analyses = db.RiskAnalyses.Where(a => a.AssessmentId == assessmentId);
            if (!await (analysisVersion is { } v ? analyses.Where(a => a.Version == v) : analyses).AnyAsync(cancellationToken))
            {
                return (ReportRequestOutcome.NotScored, null);
            }
        }

        var input = System.Text.Json.JsonSerializer.SerializeToNode(new ReportGenerationInput(assessmentId, analysisVersion), ApiJson.Options)!.AsObject();
        var submitted = await jobs.SubmitAsync(new JobSubmission(JobType.ReportGeneration, input, userId, idempotencyKey), cancellationToken);
        return (ReportRequestOutcome.Submitted, submitted.Job);
    }
}
