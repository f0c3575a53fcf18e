using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Quartz;
using RiskIntel.Core.Jobs.Notifications.Webhooks;

namespace RiskIntel.Core.Jobs.Scheduling;

/// <summary>
/// The <see cref="IJobScheduler"/> and <see cref="IWebhookScheduler"/> ports on Quartz: one trigger per run, firing at once or at the retry
/// time, in the <c>ai</c> execution group for AI jobs so they honour their own concurrency limit. Clustered, the triggers live in the
/// application database and a submission stores its trigger in the transaction that stores the job.
/// </summary>
internal sealed class QuartzJobScheduler(ISchedulerFactory schedulerFactory, IOptions<JobsOptions> options, TimeProvider time)
    : IJobScheduler, IWebhookScheduler
{
    public const string AiExecutionGroup = "ai";
    private const string TriggerGroup = "riskintel-runs";

    // Clustered, another node may fire a trigger this node created, so its entry is never removed on fire here:
    // entries are forgotten after this long (swept every PruneEvery schedules), which bounds the memory. A job
    // still pending by then is overdue on every node, and one more trigger for it is harmless (the claim decides).
    private static readonly TimeSpan RememberedInCluster = TimeSpan.FromHours(1);
    private const int PruneEvery = 4096;

    private readonly ConcurrentDictionary<Guid, long> _pending = new();
    private int _sincePrune;

    public bool SchedulesInTransaction { get; } = options.Value.Scheduler == JobSchedulerMode.Clustered;

    public Task ScheduleAsync(Guid jobId, JobType type, DateTime? runAt, CancellationToken cancellationToken) =>
        ScheduleAsync(RunJob(jobId, type, runAt), jobId, cancellationToken);

    Task IWebhookScheduler.ScheduleAsync(Guid deliveryId, DateTime? runAt, CancellationToken cancellationToken) =>
        ScheduleAsync(Trigger(DeliverWebhookQuartzJob.Key, DeliverWebhookQuartzJob.DeliveryIdKey, deliveryId, runAt, null), deliveryId, cancellationToken);

    public async Task ScheduleInTransactionAsync(
        DbTransaction transaction, Guid jobId, JobType type, Func<CancellationToken, Task> commit, CancellationToken cancellationToken)
    {
        if (!SchedulesInTransaction)
        {
            await commit(cancellationToken);
            await ScheduleAsync(jobId, type, null, CancellationToken.None);
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);

        // The enlistment flows with this method's async context; it ends after the commit, so the scheduler is
        // told of the new trigger only once other nodes can see it.
        using (scheduler.EnlistTransaction(transaction))
        {
            Remember(jobId);
            await scheduler.ScheduleJob(RunJob(jobId, type, null), default, cancellationToken);
            await commit(cancellationToken);
        }
    }

    public bool IsScheduled(Guid id) =>
        _pending.TryGetValue(id, out var at) && (!SchedulesInTransaction || time.GetElapsedTime(at) < RememberedInCluster);

    public void MarkFired(Guid jobId) => _pending.TryRemove(jobId, out _);

    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running;
    }

    private async Task ScheduleAsync(ITrigger trigger, Guid id, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        Remember(id);
        await scheduler.ScheduleJob(trigger, default, cancellationToken);
    }

    private void Remember(Guid id)
    {
        _pending[id] = time.GetTimestamp();
        if (SchedulesInTransaction && Interlocked.Increment(ref _sincePrune) % PruneEvery == 0)
        {
            foreach (var (key, at) in _pending)
            {
                if (time.GetElapsedTime(at) >= RememberedInCluster)
                {
                    _pending.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>How many runs this node remembers having scheduled (bounded when clustered).</summary>
    internal int RememberedCount => _pending.Count;

    private ITrigger RunJob(Guid jobId, JobType type, DateTime? runAt) =>
        Trigger(RunJobQuartzJob.Key, RunJobQuartzJob.JobIdKey, jobId, runAt, type.UsesAi() ? AiExecutionGroup : null);

    private ITrigger Trigger(JobKey job, string dataKey, Guid id, DateTime? runAt, string? executionGroup)
    {
        var builder = TriggerBuilder.Create(time)
            .WithIdentity($"{id:N}-{Guid.NewGuid():N}", TriggerGroup)
            .ForJob(job)
            .UsingJobData(dataKey, id.ToString());
        builder = runAt is { } at && at > time.GetUtcNow().UtcDateTime
            ? builder.StartAt(new DateTimeOffset(at, TimeSpan.Zero))
            : builder.StartNow();
        if (executionGroup is not null)
        {
            builder = builder.WithExecutionGroup(executionGroup);
        }

        return builder.Build();
    }
}
