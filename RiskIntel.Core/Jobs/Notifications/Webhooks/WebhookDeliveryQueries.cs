using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Notifications.Webhooks;

/// <summary>The webhook deliveries of a job and every attempt made, for its owner.</summary>
public sealed class WebhookDeliveryQueries(IDbContextFactory<RiskIntelDbContext> dbFactory)
{
    public async Task<IReadOnlyList<WebhookDeliveryDto>?> ListAsync(Guid jobId, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await db.Jobs.AnyAsync(j => j.Id == jobId && j.CreatedById == userId, cancellationToken))
        {
            return null;
        }

        var deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Attempts)
            .Where(d => d.JobId == jobId).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        return deliveries.Select(d => d.ToDto()).ToList();
    }
}
