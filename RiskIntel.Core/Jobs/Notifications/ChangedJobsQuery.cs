using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>
/// The jobs changed since a moment: what a node that lost Redis missed of the other nodes' work, or what a hub
/// client missed while it was away.
/// </summary>
public sealed class ChangedJobsQuery(IDbContextFactory<RiskIntelDbContext> dbFactory)
{
    /// <summary>The newest <paramref name="limit"/> rows (of one user, when given) updated at or after <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<JobDto>> ReadAsync(DateTime since, int limit, string? userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = db.Jobs.AsNoTracking().Where(j => j.UpdatedAt >= since);
        if (userId is not null)
        {
            changed = changed.Where(j => j.CreatedById == userId);
        }

        var jobs = await changed.OrderByDescending(j => j.UpdatedAt).Take(limit).ToListAsync(cancellationToken);
        return [.. jobs.Select(j => j.ToDto()).Reverse()];
    }
}
