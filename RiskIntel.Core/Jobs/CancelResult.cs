namespace RiskIntel.Core.Jobs;

public enum CancelOutcome
{
    NotFound,
    AlreadyFinished,
    Accepted,
}

public sealed record CancelResult(CancelOutcome Outcome, JobDto? Job);
