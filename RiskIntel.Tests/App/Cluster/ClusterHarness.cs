using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Persistence;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Cluster;

/// <summary>
/// App processes on one PostgreSQL database with <c>Jobs:Scheduler=Clustered</c> and one Redis, as an operator
/// runs them behind a load balancer; the database is migrated once, before any node starts.
/// </summary>
internal sealed class ClusterHarness : IDisposable
{
    public const string ChannelSetting = "Redis__ChannelPrefix";
    private readonly PostgresTestDatabase _database = new();
    private readonly string _channel = $"riskintel-cluster-{Guid.NewGuid():N}";
    private readonly List<AppProcess> _nodes = [];

    public ClusterHarness() => Database = _database.CreateFactory();

    public IDbContextFactory<RiskIntelDbContext> Database { get; }

    /// <summary>
    /// Settings for a node a browser opens: started from the build output, a node serves its static web assets
    /// (MudBlazor's, blazor.web.js) from the build's manifest, which ASP.NET Core reads only in Development; a
    /// published app serves them in every environment (PublishedAppTests).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Browsable { get; } = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };

    public AppProcess StartNode(string name, TimeSpan work, int concurrency, IReadOnlyDictionary<string, string>? settings = null)
    {
        var concurrent = concurrency.ToString(CultureInfo.InvariantCulture);
        var node = AppProcess.Start(new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Database__Provider"] = "Npgsql",
            ["ConnectionStrings__RiskIntel"] = _database.ConnectionString,
            ["Redis__ConnectionString"] = RedisFactAttribute.ConnectionString!,
            [ChannelSetting] = _channel,
            ["Jobs__Scheduler"] = "Clustered",
            ["Jobs__NodeName"] = name,
            ["Jobs__MaxConcurrency"] = concurrent,
            ["Ai__MaxConcurrentJobs"] = concurrent,
            ["Ai__OfflineLatency"] = work.ToString("c", CultureInfo.InvariantCulture),
            ["Jobs__SweepInterval"] = "00:00:01",
            ["Jobs__LeaseDuration"] = "00:00:05",
            ["Jobs__Cluster__CheckinInterval"] = "00:00:01",
            ["Jobs__Cluster__CheckinMisfireThreshold"] = "00:00:03",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        _nodes.Add(node);
        return node;
    }

    /// <summary>Submits AI previews to one node, eight requests at a time, and returns their ids in order.</summary>
    public static async Task<List<Guid>> SubmitAsync(HttpClient node, int count, string label)
    {
        var ids = new List<Guid>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(8))
        {
            ids.AddRange(await Task.WhenAll(batch.Select(async i =>
            {
                var response = await node.PostAsJsonAsync("/api/admin/prompts/preview",
                    new { userPrompt = $"{label} {i}: the cooperative grows maize on 40 ha and sells to two mills." });
                return await response.AssertAcceptedJobAsync();
            })));
        }

        return ids;
    }

    /// <summary>Waits until every job is terminal, reading the database (the nodes under test are not the judge of that).</summary>
    public async Task<List<Job>> WaitUntilFinishedAsync(IReadOnlyCollection<Guid> ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = Database.CreateDbContext();
            var jobs = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync();
            if (jobs.Count == ids.Count && jobs.All(j => j.IsTerminal))
            {
                return jobs;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"Not finished in {timeout}: {string.Join(", ", jobs.GroupBy(j => j.Status).Select(g => $"{g.Key}={g.Count()}"))}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>For each job, the nodes that recorded its COMPLETED transition (exactly one when it ran once).</summary>
    public async Task<Dictionary<Guid, List<string?>>> CompletionsAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var db = Database.CreateDbContext();
        var events = await db.JobEvents.AsNoTracking().Where(e => ids.Contains(e.JobId) && e.To == JobStatus.Completed)
            .Select(e => new { e.JobId, e.Node }).ToListAsync();
        return ids.ToDictionary(id => id, id => events.Where(e => e.JobId == id).Select(e => e.Node).ToList());
    }

    public void Dispose()
    {
        _nodes.ForEach(n => n.Dispose());
        _database.Dispose();
    }
}
