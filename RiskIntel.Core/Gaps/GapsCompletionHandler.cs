using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Gaps;

/// <summary>
/// When GAP_DETECTION ends: stores the 35 detected fields (keeping the analyst's corrections) and asks for review;
/// an outcome older than the one already stored is ignored, so runs that finish out of order cannot undo a newer one.
/// </summary>
internal sealed class GapsCompletionHandler(TimeProvider time) : IJobCompletionHandler
{
    public bool Handles(JobType type) => type == JobType.GapDetection;

    public async Task OnFinishedAsync(JobCompletion completion, CancellationToken cancellationToken)
    {
        var input = completion.GetInput<GapDetectionInput>();
        var db = completion.Db;
        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.Id == input.AssessmentId, cancellationToken);
        if (assessment is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var fields = await db.GapFields.Where(g => g.AssessmentId == assessment.Id).ToDictionaryAsync(g => g.Field, cancellationToken);
        if (completion.Status != JobStatus.Completed || completion.GetResult<GapDetectionOutcome>() is not { } outcome)
        {
            var reason = completion.Status == JobStatus.Cancelled ? "gap detection was cancelled" : $"gap detection failed: {ParseCompletionHandler.PlainError(completion.Error)}";
            if (fields.Count > 0 || completion.Status == JobStatus.Cancelled)
            {
                assessment.Settle(reason, hasGaps: fields.Count > 0, now);
            }
            else
            {
                assessment.Fail(reason, now);
            }

            return;
        }

        if (fields.Values.Any(f => f.DetectedBy > completion.CreatedAt))
        {
            return;
        }

        foreach (var gap in outcome.Gaps)
        {
            if (fields.TryGetValue(gap.Field, out var field))
            {
                field.Apply(gap, completion.CreatedAt);
            }
            else
            {
                db.GapFields.Add(GapField.Detected(assessment.Id, gap, completion.CreatedAt));
            }
        }

        assessment.AwaitReview(Summary(outcome, fields), now);
    }

    private static string Summary(GapDetectionOutcome outcome, Dictionary<string, GapField> previous)
    {
        var verified = outcome.Gaps.Count(g => g.Status == GapStatus.Verified);
        var missing = outcome.Gaps.Count(g => g.Status == GapStatus.Missing);
        var open = outcome.Gaps.Count(g => g.IsMandatory && g.Status != GapStatus.Verified
            && string.IsNullOrWhiteSpace(previous.GetValueOrDefault(g.Field)?.Correction));
        return $"Review the gaps: {verified} of 35 fields verified, {missing} missing; {open} required field{(open == 1 ? "" : "s")} still need{(open == 1 ? "s" : "")} evidence or a correction.";
    }
}
