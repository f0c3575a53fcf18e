namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>A committed change of a job: a transition, or progress while it runs.</summary>
public sealed record JobStatusChanged(JobDto Job, JobStatus? PreviousStatus)
{
    public bool IsTransition => PreviousStatus != Job.Status;
}
