namespace RiskIntel.Core.Jobs.Notifications.Webhooks;

/// <summary>The port through which webhook delivery attempts are handed to the scheduler (Quartz, see Jobs/Scheduling/).</summary>
public interface IWebhookScheduler
{
    /// <summary>Asks for an attempt of the delivery at <paramref name="runAt"/> (UTC), or at once when null.</summary>
    Task ScheduleAsync(Guid deliveryId, DateTime? runAt, CancellationToken cancellationToken);

    /// <summary>Whether this node already holds a trigger for the delivery that has not fired yet.</summary>
    bool IsScheduled(Guid deliveryId);
}
