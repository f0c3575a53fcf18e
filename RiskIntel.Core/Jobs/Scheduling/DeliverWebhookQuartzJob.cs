using Quartz;
using RiskIntel.Core.Jobs.Notifications.Webhooks;

namespace RiskIntel.Core.Jobs.Scheduling;

internal sealed class DeliverWebhookQuartzJob(WebhookSender sender, QuartzJobScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("deliver-webhook", "riskintel");
    public const string DeliveryIdKey = "deliveryId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(context.MergedJobDataMap.GetString(DeliveryIdKey), out var deliveryId))
        {
            scheduler.MarkFired(deliveryId);
            await sender.DeliverAsync(deliveryId, cancellationToken);
        }
    }
}
