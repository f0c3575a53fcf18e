using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs;

/// <summary>Queue figures for the admin monitor: depth, throughput and latency over the last hour.</summary>
public sealed class JobStatistics(
    IDbContextFactory<RiskIntelDbContext> dbFactory,
    IJobScheduler scheduler,
    IOptions<JobsOptions> options,
    TimeProvider time)
{
    public async Task<JobStats> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        await using var db = dbFactory.CreateDbContext();
        var counts = await db.Jobs
            .Where(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Processing || j.CompletedAt >= hourAgo)
            .GroupBy(j => j.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var recent = await db.Jobs.AsNoTracking()
            .Where(j => j.StartedAt >= hourAgo)
            .OrderByDescending(j => j.StartedAt)
            .Take(5000)
            .Select(j => new { j.CreatedAt, j.StartedAt, j.CompletedAt, j.Attempts })
            .ToListAsync(cancellationToken);
        var liveSince = now - (3 * options.Value.SweepInterval);
        var nodes = await db.SchedulerNodes.AsNoTracking().Where(n => n.LastSeenAt >= liveSince).OrderBy(n => n.Name)
            .Select(n => new LiveNode(n.Name, n.Id, n.StartedAt, n.LastSeenAt)).ToListAsync(cancellationToken);

        int Count(JobStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
        var queue = recent.Where(j => j.Attempts == 1).Select(j => (j.StartedAt!.Value - j.CreatedAt).TotalMilliseconds);
        var run = recent.Where(j => j.CompletedAt is not null).Select(j => (j.CompletedAt!.Value - j.StartedAt!.Value).TotalMilliseconds);
        return new JobStats(
            Count(JobStatus.Pending),
            Count(JobStatus.Processing),
            Count(JobStatus.Completed),
            Count(JobStatus.Failed),
            Percentiles(queue),
            Percentiles(run),
            await scheduler.IsRunningAsync(cancellationToken),
            Math.Max(nodes.Count, 1),
            nodes);
    }

    /// <summary>The last hour in <paramref name="slices"/> equal slices (5 minutes for 12).</summary>
    public async Task<JobActivity> GetActivityAsync(int slices, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var width = TimeSpan.FromHours(1) / slices;
        var from = now - (width * slices);
        await using var db = dbFactory.CreateDbContext();
        var recent = await db.Jobs.AsNoTracking()
            .Where(j => j.StartedAt >= from || j.CompletedAt >= from)
            .OrderByDescending(j => j.StartedAt)
            .Take(20_000)
            .Select(j => new { j.CreatedAt, j.StartedAt, j.CompletedAt, j.Status, j.Attempts })
            .ToListAsync(cancellationToken);
        int SliceOf(DateTime at) => Math.Clamp((int)((at - from) / width), 0, slices - 1);
        return new JobActivity(Enumerable.Range(0, slices).Select(i =>
        {
            var finished = recent.Where(j => j.CompletedAt >= from && SliceOf(j.CompletedAt!.Value) == i).ToList();
            var started = recent.Where(j => j.StartedAt >= from && SliceOf(j.StartedAt!.Value) == i).ToList();
            var queue = Percentiles(started.Where(j => j.Attempts == 1).Select(j => (j.StartedAt!.Value - j.CreatedAt).TotalMilliseconds));
            var run = Percentiles(started.Where(j => j.CompletedAt is not null).Select(j => (j.CompletedAt!.Value - j.StartedAt!.Value).TotalMilliseconds));
            return new JobActivitySlice(from + (width * i), finished.Count(j => j.Status == JobStatus.Completed),
                finished.Count(j => j.Status == JobStatus.Failed), queue.P50, queue.P95, run.P50, run.P95);
        }).ToList());
    }

    /// <summary>How many jobs a user (or, with <c>null</c>, everyone) has in each status.</summary>
    public async Task<IReadOnlyDictionary<JobStatus, int>> CountByStatusAsync(string? userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var jobs = userId is null ? db.Jobs : db.Jobs.Where(j => j.CreatedById == userId);
        var counts = await jobs.GroupBy(j => j.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<JobStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);
    }

    private static LatencyFigures Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? new LatencyFigures(0, 0) : new LatencyFigures(At(sorted, 0.50), At(sorted, 0.95));
    }

    private static double At(double[] sorted, double quantile)
    {
        var rank = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)], 1);
    }
}
