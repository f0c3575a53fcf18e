using System.Collections.Concurrent;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications.Webhooks;

namespace RiskIntel.Tests.Fakes;

/// <summary>A scheduler of jobs and webhook deliveries that records what it was asked to schedule and runs nothing.</summary>
public sealed class RecordingJobScheduler : IJobScheduler, IWebhookScheduler
{
    public ConcurrentQueue<(Guid JobId, JobType Type, DateTime? RunAt)> Scheduled { get; } = new();

    public Task ScheduleAsync(Guid jobId, JobType type, DateTime? runAt, CancellationToken cancellationToken)
    {
        Scheduled.Enqueue((jobId, type, runAt));
        return Task.CompletedTask;
    }

    public ConcurrentQueue<(Guid DeliveryId, DateTime? RunAt)> ScheduledWebhooks { get; } = new();

    public bool IsScheduled(Guid jobId) => false;

    Task IWebhookScheduler.ScheduleAsync(Guid deliveryId, DateTime? runAt, CancellationToken cancellationToken)
    {
        ScheduledWebhooks.Enqueue((deliveryId, runAt));
        return Task.CompletedTask;
    }

    public Task<bool> IsRunningAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
