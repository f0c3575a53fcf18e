using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Reports;

/// <summary>When REPORT_GENERATION completes: records the report version, in the transaction that completes the job.</summary>
internal sealed class ReportsCompletionHandler(TimeProvider time) : IJobCompletionHandler
{
    public bool Handles(JobType type) => type == JobType.ReportGeneration;

    public async Task OnFinishedAsync(JobCompletion completion, CancellationToken cancellationToken)
    {
        if (completion.Status != JobStatus.Completed || completion.GetResult<ReportGenerationResult>() is not { } result)
        {
            return;
        }

        var input = completion.GetInput<ReportGenerationInput>();
        var db = completion.Db;
        if (await db.Assessments.AnyAsync(a => a.Id == input.AssessmentId, cancellationToken)
            && !await db.Reports.AnyAsync(r => r.Id == result.ReportId, cancellationToken))
        {
            db.Reports.Add(Report.Record(input.AssessmentId, result, completion.UserId, time.GetUtcNow().UtcDateTime));
        }
    }
}
