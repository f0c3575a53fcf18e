using System.Collections.Concurrent;
using Quartz;
using RiskIntel.Core.Jobs.Notifications.Webhooks;

namespace RiskIntel.Core.Jobs.Scheduling;

/// <summary>
/// The <see cref="IJobScheduler"/> and <see cref="IWebhookScheduler"/> ports on Quartz: one trigger per run, firing at once or at the retry
/// time, in the <c>ai</c> execution group for AI jobs so they honour their own concurrency limit.
/// </summary>
internal sealed class QuartzJobScheduler(ISchedulerFactory schedulerFactory, TimeProvider time) : IJobScheduler, IWebhookScheduler
{
    public const string AiExecutionGroup = "ai";
    private const string TriggerGroup = "riskintel-runs";
    private readonly ConcurrentDictionary<Guid, byte> _pending = new();

    public Task ScheduleAsync(Guid jobId, JobType type, DateTime? runAt, CancellationToken cancellationToken) =>
        ScheduleAsync(RunJobQuartzJob.Key, RunJobQuartzJob.JobIdKey, jobId, runAt, type.UsesAi() ? AiExecutionGroup : null, cancellationToken);

    Task IWebhookScheduler.ScheduleAsync(Guid deliveryId, DateTime? runAt, CancellationToken cancellationToken) =>
        ScheduleAsync(DeliverWebhookQuartzJob.Key, DeliverWebhookQuartzJob.DeliveryIdKey, deliveryId, runAt, null, cancellationToken);

    public bool IsScheduled(Guid id) => _pending.ContainsKey(id);

    public void MarkFired(Guid jobId) => _pending.TryRemove(jobId, out _);

    private async Task ScheduleAsync(
        JobKey job, string dataKey, Guid id, DateTime? runAt, string? executionGroup, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
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

        _pending[id] = 0;
        await scheduler.ScheduleJob(builder.Build(), default, cancellationToken);
    }

    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running;
    }
}
