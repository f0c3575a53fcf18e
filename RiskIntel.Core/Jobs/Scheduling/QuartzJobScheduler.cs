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
    private readonly ConcurrentDictionary<Guid, byte> _pending = new();

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
            _pending[jobId] = 0;
            await scheduler.ScheduleJob(RunJob(jobId, type, null), default, cancellationToken);
            await commit(cancellationToken);
        }
    }

    public bool IsScheduled(Guid id) => _pending.ContainsKey(id);

    public void MarkFired(Guid jobId) => _pending.TryRemove(jobId, out _);

    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running;
    }

    private async Task ScheduleAsync(ITrigger trigger, Guid id, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        _pending[id] = 0;
        await scheduler.ScheduleJob(trigger, default, cancellationToken);
    }

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
