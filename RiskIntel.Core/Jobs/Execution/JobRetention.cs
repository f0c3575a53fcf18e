using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Execution;

/// <summary>Deletes finished jobs (and their event logs) older than <c>Jobs:RetentionDays</c>.</summary>
public sealed partial class JobRetention(
    IDbContextFactory<RiskIntelDbContext> dbFactory,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobRetention> logger)
{
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.RetentionDays);
        await using var db = dbFactory.CreateDbContext();
        var finished = db.Jobs.Where(j => j.CompletedAt < cutoff
            && (j.Status == JobStatus.Completed || j.Status == JobStatus.Failed || j.Status == JobStatus.Cancelled));
        await db.JobEvents.Where(e => finished.Any(j => j.Id == e.JobId)).ExecuteDeleteAsync(cancellationToken);
        var pruned = await finished.ExecuteDeleteAsync(cancellationToken);
        await db.SchedulerNodes.Where(n => n.LastSeenAt < now.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
        Log.Pruned(logger, pruned, cutoff);
        return pruned;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} jobs finished before {Cutoff}")]
        public static partial void Pruned(ILogger logger, int count, DateTime cutoff);
    }
}
