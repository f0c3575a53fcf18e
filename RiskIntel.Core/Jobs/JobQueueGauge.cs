using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs;

/// <summary>
/// The queue-depth gauge of this host (meter <c>RiskIntel.Jobs</c>): jobs pending and processing, counted in the
/// database when metrics are collected. Its meter lives as long as the host, so a stopped host is never read.
/// </summary>
internal sealed class JobQueueGauge(IDbContextFactory<RiskIntelDbContext> dbFactory, IMeterFactory meters) : IHostedService
{
    private Meter? _meter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _meter = meters.Create(JobTelemetry.Name);
        _meter.CreateObservableGauge("riskintel.jobs.queue_depth", Read, "{job}", "Jobs pending or processing, by status");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _meter?.Dispose();
        return Task.CompletedTask;
    }

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
