using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Jobs.Notifications.Webhooks;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Execution;

/// <summary>
/// Makes sure no accepted job is lost. Run at start and then periodically, it (1) records this node's
/// heartbeat, (2) takes back running jobs whose node is gone (lease expired, or an earlier process of
/// this node), and (3) schedules pending jobs that no trigger on this node covers — after a restart
/// that is all of them; later, those a vanished node had accepted.
/// </summary>
public sealed partial class JobRecovery(
    IDbContextFactory<RiskIntelDbContext> dbFactory,
    IJobScheduler scheduler,
    IWebhookScheduler webhooks,
    JobCommitter committer,
    NodeIdentity node,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobRecovery> logger)
{
    private readonly DateTime _startedAt = time.GetUtcNow().UtcDateTime;
    private bool _firstSweepDone;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await RecordHeartbeatAsync(cancellationToken);
        var recovered = await RecoverLostJobsAsync(cancellationToken);
        var scheduled = await ScheduleStrandedJobsAsync(cancellationToken);
        scheduled += await ScheduleStrandedWebhooksAsync(cancellationToken);
        _firstSweepDone = true;
        if (recovered + scheduled > 0)
        {
            Log.Swept(logger, recovered, scheduled);
        }
    }

    private async Task RecordHeartbeatAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var self = await db.SchedulerNodes.FindAsync([node.Id], cancellationToken);
        if (self is null)
        {
            db.SchedulerNodes.Add(new SchedulerNode { Id = node.Id, Name = node.Name, StartedAt = _startedAt, LastSeenAt = Now });
        }
        else
        {
            self.LastSeenAt = Now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<int> RecoverLostJobsAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        List<Guid> lost;
        await using (var scan = dbFactory.CreateDbContext())
        {
            var candidates = await scan.Jobs.AsNoTracking()
                .Where(j => j.Status == JobStatus.Processing && j.LeaseOwner != node.Id)
                .Select(j => new { j.Id, j.LeaseOwner, j.LeaseExpiresAt })
                .ToListAsync(cancellationToken);
            lost = candidates.Where(j => j.LeaseExpiresAt < now || node.IsPreviousInstance(j.LeaseOwner)).Select(j => j.Id).ToList();
        }

        var recovered = 0;
        foreach (var id in lost)
        {
            // One unit of work per job, so a job another node took over first does not hold up the others.
            await using var db = dbFactory.CreateDbContext();
            var job = await db.Jobs.SingleAsync(j => j.Id == id, cancellationToken);
            if (job.Status != JobStatus.Processing)
            {
                continue;
            }

            if (job.Attempts >= job.MaxAttempts)
            {
                job.Fail($"WorkerLostException: the node running attempt {job.Attempts} stopped before it finished.", now);
            }
            else
            {
                job.Requeue($"Recovered: the node {job.LeaseOwner} stopped while running it", countAttempt: true, now);
            }

            try
            {
                job = await committer.CommitAsync(db, job, JobStatus.Processing, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue;
            }

            recovered++;
            if (job.Status == JobStatus.Pending)
            {
                await scheduler.ScheduleAsync(job.Id, job.Type, null, cancellationToken);
            }
        }

        return recovered;
    }

    private async Task<int> ScheduleStrandedJobsAsync(CancellationToken cancellationToken)
    {
        // After a restart every pending job is ours to schedule; later only those overdue for a while,
        // which a node that vanished had accepted (a live node runs its own within a sweep interval).
        var overdueBefore = _firstSweepDone ? Now - (2 * options.Value.SweepInterval) : DateTime.MaxValue;
        await using var db = dbFactory.CreateDbContext();
        var stranded = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Pending && (j.NextAttemptAt ?? j.CreatedAt) < overdueBefore)
            .OrderBy(j => j.CreatedAt)
            .Select(j => new { j.Id, j.Type, j.NextAttemptAt })
            .Take(1000)
            .ToListAsync(cancellationToken);
        var scheduled = 0;
        foreach (var job in stranded.Where(j => !scheduler.IsScheduled(j.Id)))
        {
            await scheduler.ScheduleAsync(job.Id, job.Type, job.NextAttemptAt, cancellationToken);
            scheduled++;
        }

        return scheduled;
    }

    private async Task<int> ScheduleStrandedWebhooksAsync(CancellationToken cancellationToken)
    {
        var overdueBefore = _firstSweepDone ? Now - (2 * options.Value.SweepInterval) : DateTime.MaxValue;
        await using var db = dbFactory.CreateDbContext();
        var stranded = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt < overdueBefore)
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => new { d.Id, d.NextAttemptAt })
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var delivery in stranded.Where(d => !webhooks.IsScheduled(d.Id)))
        {
            await webhooks.ScheduleAsync(delivery.Id, delivery.NextAttemptAt, cancellationToken);
        }

        return stranded.Count;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Recovery sweep: {Recovered} lost jobs requeued, {Scheduled} pending jobs scheduled")]
        public static partial void Swept(ILogger logger, int recovered, int scheduled);
    }
}
