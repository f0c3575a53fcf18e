namespace RiskIntel.Core.Jobs;

public sealed record JobListQuery(JobStatus? Status = null, JobType? Type = null, string? Cursor = null, int Limit = 20);

public sealed record JobPage(IReadOnlyList<JobDto> Items, string? NextCursor);

public sealed record LatencyFigures(double P50, double P95);

public sealed record JobStats(
    int Pending,
    int Processing,
    int CompletedLastHour,
    int FailedLastHour,
    LatencyFigures QueueLatencyMs,
    LatencyFigures RunLatencyMs,
    bool SchedulerRunning,
    int Nodes);

/// <summary>Outcome of a submission: the job, and whether this request created it.</summary>
public sealed record SubmitResult(JobDto Job, bool Created);

public enum CancelOutcome
{
    NotFound,
    AlreadyFinished,
    Accepted,
}

public sealed record CancelResult(CancelOutcome Outcome, JobDto? Job);

/// <summary>The same Idempotency-Key was used before with a different request body.</summary>
public sealed class IdempotencyConflictException(string key)
    : Exception($"The Idempotency-Key '{key}' was already used with a different request.");
