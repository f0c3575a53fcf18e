using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Notifications.Webhooks;

/// <summary>When a job with a callback finishes, schedules the delivery its terminal transition created.</summary>
public sealed class WebhookDispatcher(IDbContextFactory<RiskIntelDbContext> dbFactory, IWebhookScheduler scheduler) : IJobStatusNotifier
{
    public async ValueTask PublishAsync(JobStatusChanged change, CancellationToken cancellationToken)
    {
        if (!change.HasCallback || !change.Job.IsTerminal || !change.IsTransition)
        {
            return;
        }

        await using var db = dbFactory.CreateDbContext();
        var pending = await db.WebhookDeliveries
            .Where(d => d.JobId == change.Job.Id && d.Status == WebhookDeliveryStatus.Pending)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in pending)
        {
            await scheduler.ScheduleAsync(id, null, cancellationToken);
        }
    }
}
