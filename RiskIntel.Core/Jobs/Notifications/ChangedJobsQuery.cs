using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>The jobs changed since a moment: what a node that lost Redis missed of the other nodes' work.</summary>
internal sealed class ChangedJobsQuery(IDbContextFactory<RiskIntelDbContext> dbFactory)
{
    /// <summary>The newest <paramref name="limit"/> rows updated at or after <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<JobDto>> ReadAsync(DateTime since, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.UpdatedAt >= since)
            .OrderByDescending(j => j.UpdatedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. jobs.Select(j => j.ToDto()).Reverse()];
    }
}
