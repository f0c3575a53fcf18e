using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis;

/// <summary>
/// When RISK_ANALYSIS ends: stores the new analysis version and completes the assessment with its overall score, in the
/// transaction that completes the job. Nothing follows automatically: a report is asked for.
/// </summary>
internal sealed class AnalysisCompletionHandler(TimeProvider time) : IJobCompletionHandler
{
    public bool Handles(JobType type) => type == JobType.RiskAnalysis;

    public async Task OnFinishedAsync(JobCompletion completion, CancellationToken cancellationToken)
    {
        var input = completion.GetInput<RiskAnalysisInput>();
        var db = completion.Db;
        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.Id == input.AssessmentId, cancellationToken);
        if (assessment is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (completion.Status == JobStatus.Completed && completion.GetResult<AnalysisRecord>() is { } record)
        {
            if (!await db.RiskAnalyses.AnyAsync(a => a.Id == record.AnalysisId, cancellationToken))
            {
                db.RiskAnalyses.Add(RiskAnalysis.Record(assessment.Id, record, completion.JobId, completion.UserId, now));
            }

            assessment.Complete(record.OverallScore, record.OverallLevel,
                FormattableString.Invariant($"Scored: overall {record.OverallScore:0.0} ({RiskLevels.Name(record.OverallLevel)}), analysis version {record.Version}."), now);
            return;
        }

        var reason = completion.Status == JobStatus.Cancelled
            ? "risk analysis was cancelled"
            : $"risk analysis failed: {ParseCompletionHandler.PlainError(completion.Error)}";
        var hasGaps = await db.GapFields.AnyAsync(g => g.AssessmentId == assessment.Id, cancellationToken);
        if (assessment.OverallScore is not null || completion.Status == JobStatus.Cancelled)
        {
            assessment.Settle(reason, hasGaps, now);
        }
        else
        {
            assessment.Fail(reason, now);
        }
    }
}
