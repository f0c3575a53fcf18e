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
public sealed class ProcessKillTests(ITestOutputHelper output) : IDisposable
{
    private const int ApiJobs = 40;
    private const int Backlog = 300;
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task Kill9_WhileJobsArePendingAndRunning_EveryJobCompletesExactlyOnceAfterRestart()
    {
        var port = FreePort();
        var ids = new List<Guid>();
        using (var first = AppProcess.Start(_database.ConnectionString, port, maxConcurrency: 1))
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
            // submit path stores it: the kill then always finds one job running and many pending.
            var heavyPlan = string.Join(" ", Enumerable.Range(0, 60_000).Select(i => $"Sentence {i} says the cooperative sells maize lot {i % 97}."));
            var heavy = await (await client.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = heavyPlan })).AssertAcceptedJobAsync();
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

        using (var second = AppProcess.Start(_database.ConnectionString, port, maxConcurrency: 4))
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
    private async Task<List<Guid>> SeedBacklogAsync(int count)
    {
        var now = DateTime.UtcNow;
        var jobs = Enumerable.Range(0, count).Select(i => Job.Create(
            new JobSubmission(JobType.AiPreview, new JsonObject { ["systemPrompt"] = "", ["userPrompt"] = $"Backlog job {i}: the cooperative grows maize.", ["variables"] = new JsonObject() }, "kill-test-user"),
            requestHash: $"backlog-{i}", maxAttempts: 3, now)).ToList();
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;

        private AppProcess(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static AppProcess Start(string connectionString, int port, int maxConcurrency)
        {
            var appDll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "RiskIntel.App.dll"));
            var info = new ProcessStartInfo("dotnet", [appDll])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            info.Environment["ConnectionStrings__RiskIntel"] = connectionString;
            info.Environment["Auth__Local__AdminEmail"] = RiskIntelAppFactory.AdminEmail;
            info.Environment["Auth__Local__AdminPassword"] = RiskIntelAppFactory.AdminPassword;
            info.Environment["Jobs__NodeName"] = "kill-test";
            info.Environment["Jobs__SweepInterval"] = "00:00:01";
            info.Environment["Jobs__MaxConcurrency"] = maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        }

        public async Task<HttpClient> LoginAsync()
        {
            var client = new HttpClient { BaseAddress = Address };
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (true)
            {
                Assert.False(_process.HasExited, "The app process exited during start-up.");
                try
                {
                    var ready = await client.GetAsync("/health/ready");
                    if (ready.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                }

                Assert.True(DateTime.UtcNow < deadline, "The app did not become ready in time.");
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            var login = await client.PostAsJsonAsync("/api/auth/login",
                new { email = RiskIntelAppFactory.AdminEmail, password = RiskIntelAppFactory.AdminPassword });
            login.EnsureSuccessStatusCode();
            var token = await login.Content.ReadFromJsonAsync<JsonElement>();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            return client;
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
