using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RiskIntel.Tests.App.Durability;

/// <summary>
/// The real thing: the app as its own process, killed with SIGKILL while jobs are pending and running,
/// then started again on the same database.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ProcessKillTests(ITestOutputHelper output) : IDisposable
{
    private const int ApiJobs = 40;
    private const int Backlog = 300;
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task Kill9_WhileJobsArePendingAndRunning_EveryJobCompletesExactlyOnceAfterRestart()
    {
                var ids = new List<Guid>();
        using (var first = StartApp(maxConcurrency: 1))
        {
            using var client = await first.LoginAsync();
            foreach (var batch in Enumerable.Range(0, ApiJobs).Chunk(8))
            {
                ids.AddRange(await Task.WhenAll(batch.Select(async i =>
                {
                    var response = await client.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = $"API job {i}: maize, one borehole." });
                    return await response.AssertAcceptedJobAsync();
                })));
            }

            // One worker, busy with a heavy job (a multi-megabyte plan), while a backlog is stored as the
            // submit path stores it: the kill then always finds one job running and many pending. The API
            // refuses prompts this large (InputLimits), so the heavy job is stored directly too; the recovery
            // sweep schedules it like any job a vanished node had accepted.
            var heavyPlan = string.Join(" ", Enumerable.Range(0, 60_000).Select(i => $"Sentence {i} says the cooperative sells maize lot {i % 97}."));
            var heavy = (await SeedAsync([new JsonObject { ["systemPrompt"] = "", ["userPrompt"] = heavyPlan, ["variables"] = new JsonObject() }], "heavy")).Single();
            ids.Add(heavy);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (await StatusOfAsync(heavy) == JobStatus.Pending && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10));
            }

            ids.AddRange(await SeedBacklogAsync(Backlog));
            first.Kill();
        }

        var atKill = await CountByStatusAsync();
        output.WriteLine($"At SIGKILL: {string.Join(", ", atKill.Select(c => $"{c.Key}={c.Value}"))}");
        Assert.True(atKill.GetValueOrDefault("Pending") > 0, "The kill came too late to interrupt anything.");
        Assert.True(atKill.GetValueOrDefault("Processing") > 0, "No job was running at the kill.");

        using (var second = StartApp(maxConcurrency: 4))
        {
            using var admin = await second.LoginAsync();
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while ((await CountByStatusAsync()).GetValueOrDefault("Completed") < ids.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            Assert.Equal("COMPLETED", (await admin.GetJobJsonAsync(ids[0])).GetProperty("status").GetString());
        }

        await using var db = _database.CreateFactory().CreateDbContext();
        var jobs = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync();
        var completions = await db.JobEvents.AsNoTracking().Where(e => e.To == JobStatus.Completed)
            .GroupBy(e => e.JobId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        output.WriteLine($"After restart: {jobs.Count(j => j.Status == JobStatus.Completed)}/{ids.Count} completed, max attempts {jobs.Max(j => j.Attempts)}");
        Assert.Equal(ids.Count, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(JobStatus.Completed, j.Status));
        Assert.All(ids, id => Assert.Equal(1, completions.GetValueOrDefault(id)));
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Stores pending jobs exactly as JobService does, in one transaction so it takes milliseconds.</summary>
    private Task<List<Guid>> SeedBacklogAsync(int count) => SeedAsync(
        Enumerable.Range(0, count).Select(i => new JsonObject { ["systemPrompt"] = "", ["userPrompt"] = $"Backlog job {i}: the cooperative grows maize.", ["variables"] = new JsonObject() }).ToList(),
        "backlog");

    private async Task<List<Guid>> SeedAsync(IReadOnlyList<JsonObject> inputs, string name)
    {
        var now = DateTime.UtcNow;
        var jobs = inputs.Select((input, i) => Job.Create(
            new JobSubmission(JobType.AiPreview, input, "kill-test-user"), requestHash: $"{name}-{i}", maxAttempts: 3, now)).ToList();
        await using var db = _database.CreateFactory().CreateDbContext();
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync();
        return jobs.Select(j => j.Id).ToList();
    }

    private async Task<JobStatus> StatusOfAsync(Guid id)
    {
        await using var db = _database.CreateFactory().CreateDbContext();
        return await db.Jobs.Where(j => j.Id == id).Select(j => j.Status).SingleAsync();
    }

    private async Task<Dictionary<string, int>> CountByStatusAsync()
    {
        await using var db = _database.CreateFactory().CreateDbContext();
        return await db.Jobs.GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key.ToString(), g => g.Count);
    }

    private AppProcess StartApp(int maxConcurrency) => AppProcess.Start(new Dictionary<string, string>
    {
        ["ConnectionStrings__RiskIntel"] = _database.ConnectionString,
        ["Jobs__NodeName"] = "kill-test",
        ["Jobs__SweepInterval"] = "00:00:01",
        ["Jobs__MaxConcurrency"] = maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logging__LogLevel__Default"] = "Warning",
    });
}
