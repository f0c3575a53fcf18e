namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>
/// A channel that tells interested parties about committed job changes (in-process feed, SignalR hub,
/// webhooks). Implementations must return quickly; a failure is logged and never fails the job.
/// </summary>
public interface IJobStatusNotifier
{
    ValueTask PublishAsync(JobStatusChanged change, CancellationToken cancellationToken);
}
