using System.Data.Common;

namespace RiskIntel.Core.Jobs;

/// <summary>The port through which stored jobs are handed to the scheduler (Quartz, see Scheduling/).</summary>
public interface IJobScheduler
{
    /// <summary>Asks for the job to be run at <paramref name="runAt"/> (UTC), or at once when null.</summary>
    Task ScheduleAsync(Guid jobId, JobType type, DateTime? runAt, CancellationToken cancellationToken);

    /// <summary>Whether this node already holds a trigger for the job that has not fired yet.</summary>
    bool IsScheduled(Guid jobId);

    Task<bool> IsRunningAsync(CancellationToken cancellationToken);

    /// <summary>Whether triggers are stored in the application database, so scheduling can share a transaction with the job row.</summary>
    bool SchedulesInTransaction => false;

    /// <summary>
    /// Stores the job's trigger inside <paramref name="transaction"/> and then runs <paramref name="commit"/>, so the row
    /// and its trigger are committed together or not at all. A scheduler that keeps triggers elsewhere commits first and
    /// schedules after, the order in which a crash between the two leaves a row the recovery sweep schedules.
    /// </summary>
    async Task ScheduleInTransactionAsync(
        DbTransaction transaction, Guid jobId, JobType type, Func<CancellationToken, Task> commit, CancellationToken cancellationToken)
    {
        await commit(cancellationToken);
        await ScheduleAsync(jobId, type, null, CancellationToken.None);
    }
}
