using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
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
        var adminId = "";
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
            adminId = (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString()!;
            var heavy = (await SeedAsync([new JsonObject { ["systemPrompt"] = "", ["userPrompt"] = heavyPlan, ["variables"] = new JsonObject() }], "heavy", adminId)).Single();
            ids.Add(heavy);
            await WaitUntilStartedAsync(client, heavy);
            ids.AddRange(await SeedBacklogAsync(Backlog, adminId));
            first.Kill();
        }

        var atKill = await CountByStatusAsync();
        output.WriteLine($"At SIGKILL: {string.Join(", ", atKill.Select(c => $"{c.Key}={c.Value}"))}");
        Assert.True(atKill.GetValueOrDefault("Pending") > 0, "The kill came too late to interrupt anything.");
        Assert.True(atKill.GetValueOrDefault("Processing") > 0, "No job was running at the kill.");

        using (var second = StartApp(maxConcurrency: 4))
        {
            using var admin = await second.LoginAsync();
            await WaitUntilAllCompletedAsync(second, admin, ids);

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
    private Task<List<Guid>> SeedBacklogAsync(int count, string ownerId) => SeedAsync(
        Enumerable.Range(0, count).Select(i => new JsonObject { ["systemPrompt"] = "", ["userPrompt"] = $"Backlog job {i}: the cooperative grows maize.", ["variables"] = new JsonObject() }).ToList(),
        "backlog", ownerId);

    private async Task<List<Guid>> SeedAsync(IReadOnlyList<JsonObject> inputs, string name, string ownerId)
    {
        var now = DateTime.UtcNow;
        var jobs = inputs.Select((input, i) => Job.Create(
            new JobSubmission(JobType.AiPreview, input, ownerId), requestHash: $"{name}-{i}", maxAttempts: 3, now)).ToList();
        await using var db = _database.CreateFactory().CreateDbContext();
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync();
        return jobs.Select(j => j.Id).ToList();
    }

    /// <summary>Reads the job's event stream (SSE) until it leaves PENDING: the worker has it.</summary>
    private static async Task WaitUntilStartedAsync(HttpClient client, Guid id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var stream = await client.GetStreamAsync($"/api/jobs/{id}/stream", timeout.Token);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal)
                && JsonSerializer.Deserialize<JsonElement>(line[5..]).GetProperty("status").GetString() != "PENDING")
            {
                return;
            }
        }

        Assert.Fail("The stream ended while the job was still pending.");
    }

    /// <summary>
    /// Follows the owner's jobs on the hub: connect first, then read what already completed, so no completion falls
    /// between the two; every job here is the admin's, so the hub reports each one's end.
    /// </summary>
    private async Task WaitUntilAllCompletedAsync(AppProcess app, HttpClient admin, IReadOnlyCollection<Guid> ids)
    {
        var completed = new ConcurrentDictionary<Guid, byte>();
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Completed(Guid id)
        {
            completed.TryAdd(id, 0);
            if (ids.All(completed.ContainsKey))
            {
                allDone.TrySetResult();
            }
        }

        var token = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Address, "/hubs/jobs"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        hub.On<JsonElement>("JobUpdated", job =>
        {
            if (job.GetProperty("status").GetString() == "COMPLETED")
            {
                Completed(job.GetProperty("id").GetGuid());
            }
        });
        await hub.StartAsync();

        // A call is answered only after the hub's OnConnectedAsync, so from here on the connection is in the owner's group.
        await hub.InvokeAsync("UnsubscribeJob", Guid.Empty);
        await using (var db = _database.CreateFactory().CreateDbContext())
        {
            foreach (var id in await db.Jobs.Where(j => j.Status == JobStatus.Completed).Select(j => j.Id).ToListAsync())
            {
                Completed(id);
            }
        }

        await allDone.Task.WaitAsync(TimeSpan.FromMinutes(3));
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
