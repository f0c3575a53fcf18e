using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Storage;

/// <summary>
/// The job store through EF Core, for databases the SQL store does not speak (SQL Server): the same contract,
/// one short-lived context and transaction per write, the version as concurrency token.
/// </summary>
internal sealed class EfJobStore(IDbContextFactory<RiskIntelDbContext> dbFactory, TimeProvider time) : IJobStore
{
    public async Task<bool> InsertAsync(Job job, CancellationToken cancellationToken)
    {
        if (job.IdempotencyKey is null && await FindEquivalentAsync(job.CreatedById, null, job.RequestHash, cancellationToken) is not null)
        {
            return false;
        }

        await using var db = dbFactory.CreateDbContext();
        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (job.IdempotencyKey is not null)
        {
            return false;
        }

        job.AcceptChanges();
        return true;
    }

    public async Task<Job?> ClaimAsync(Guid jobId, string leaseOwner, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || !job.IsDue(now))
        {
            return null;
        }

        job.Start(leaseOwner, now + leaseDuration, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }

        db.ChangeTracker.Clear();
        job.AcceptChanges();
        return job;
    }

    public async Task<bool> SaveAsync(Job job, int expectedVersion, CancellationToken cancellationToken)
    {
        var added = job.Events.ToList();
        var deliveries = job.WebhookDeliveries.ToList();
        job.AcceptChanges();
        await using var db = dbFactory.CreateDbContext();
        var entry = db.Jobs.Attach(job);
        foreach (var property in entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.Name != nameof(Job.CancelRequested)))
        {
            property.IsModified = true;
        }

        entry.Property(j => j.Version).OriginalValue = expectedVersion;
        db.JobEvents.AddRange(added);
        db.WebhookDeliveries.AddRange(deliveries);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        job.AcceptChanges();
        return true;
    }

    public async Task<Job?> GetAsync(Guid jobId, string? userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Jobs.AsNoTracking()
            .FirstOrDefaultAsync(j => j.Id == jobId && (userId == null || j.CreatedById == userId), cancellationToken);
    }

    public async Task<Job?> FindEquivalentAsync(string userId, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var mine = db.Jobs.AsNoTracking().Where(j => j.CreatedById == userId);
        return idempotencyKey is not null
            ? await mine.FirstOrDefaultAsync(j => j.IdempotencyKey == idempotencyKey, cancellationToken)
            : await mine.Where(j => j.RequestHash == requestHash && j.IdempotencyKey == null
                    && (j.Status == JobStatus.Pending || j.Status == JobStatus.Processing))
                .OrderByDescending(j => j.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
