namespace RiskIntel.Core.Jobs;

/// <summary>The port through which stored jobs are handed to the scheduler (Quartz, see Scheduling/).</summary>
public interface IJobScheduler
{
    /// <summary>Asks for the job to be run at <paramref name="runAt"/> (UTC), or at once when null.</summary>
    Task ScheduleAsync(Guid jobId, JobType type, DateTime? runAt, CancellationToken cancellationToken);

    /// <summary>Whether this node already holds a trigger for the job that has not fired yet.</summary>
    bool IsScheduled(Guid jobId);

    Task<bool> IsRunningAsync(CancellationToken cancellationToken);
}
