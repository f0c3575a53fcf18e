namespace RiskIntel.Core.Jobs;

/// <summary>Outcome of a submission: the job, and whether this request created it.</summary>
public sealed record SubmitResult(JobDto Job, bool Created);
