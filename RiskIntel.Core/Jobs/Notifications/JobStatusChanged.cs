namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>A committed change of a job: a transition, or progress while it runs.</summary>
public sealed record JobStatusChanged(JobDto Job, JobStatus? PreviousStatus)
{
    /// <summary>Whether the job was submitted with a callbackUrl (which is not part of the job's JSON).</summary>
    public bool HasCallback { get; init; }

    /// <summary>True when the change was committed on another node and relayed here (see <see cref="RedisJobStatusRelay"/>).</summary>
    public bool IsRemote { get; init; }

    /// <summary>
    /// True when this is the job's row re-read for a subscriber that fell behind and lost changes of it (see
    /// <see cref="JobStatusFeed"/>; <see cref="PreviousStatus"/> is then unknown, null), or after a Redis outage
    /// (see <see cref="RedisJobStatusRelay"/>; <see cref="PreviousStatus"/> is then the last status this node's
    /// feed carried for the job, or null).
    /// </summary>
    public bool IsResync { get; init; }

    public bool IsTransition => PreviousStatus != Job.Status;

    public static JobStatusChanged Of(Job job, JobStatus? previousStatus) =>
        new(job.ToDto(), previousStatus) { HasCallback = job.CallbackUrl is not null };
}
