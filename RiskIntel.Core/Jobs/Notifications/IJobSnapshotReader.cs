using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>Reads a job's current row: how a feed subscriber that lost changes catches up.</summary>
public interface IJobSnapshotReader
{
    Task<JobDto?> ReadAsync(Guid jobId, CancellationToken cancellationToken);
}

internal sealed class DatabaseJobSnapshotReader(IDbContextFactory<RiskIntelDbContext> dbFactory) : IJobSnapshotReader
{
    public async Task<JobDto?> ReadAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        return job?.ToDto();
    }
}
