using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs;

/// <summary>Feeds the queue-depth gauge: jobs pending and processing, counted in the database when metrics are collected.</summary>
internal sealed class JobQueueGauge(IDbContextFactory<RiskIntelDbContext> dbFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        JobTelemetry.ObserveQueueDepth(Read);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Collection is synchronous; one grouped count per scrape or export interval.
    private IEnumerable<Measurement<int>> Read()
    {
        using var db = dbFactory.CreateDbContext();
        var counts = db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Processing)
            .GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() }).ToList();
        return new[] { JobStatus.Pending, JobStatus.Processing }.Select(status => new Measurement<int>(
            counts.FirstOrDefault(c => c.Key == status)?.Count ?? 0,
            new KeyValuePair<string, object?>("status", JobTelemetry.StatusName(status))));
    }
}
