using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Browser;
using RiskIntel.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.App.Cluster;

/// <summary>
/// Two app processes on one PostgreSQL database (Jobs:Scheduler=Clustered) and one Redis, every job submitted to
/// node A only: what the README's "Running several nodes" promises of a cluster, measured on real processes.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TwoNodeClusterTests(ITestOutputHelper output)
{
    private const int Jobs = 200;

    // Two jobs at a time per node and 400 ms of simulated model time: the nodes are then bound by waiting, as nodes
    // calling a model are, and not by the CPU. Both processes share this machine's cores (the CI machine has two),
    // so with 50 ms jobs the drain measures their contention for the CPU instead of what a second node adds.
    private const int Concurrency = 2;
    private static readonly TimeSpan Work = TimeSpan.FromMilliseconds(400);

    [ClusterFact]
    public async Task TwoNodes_JobsSubmittedOnlyToA_BothRunAThirdDrainFasterAndAsHubSeesBsWork()
    {
        using var cluster = new ClusterHarness();
        var a = cluster.StartNode("node-a", Work, Concurrency);
        using var clientA = await a.LoginAsync();

        // The same backlog, first on node A alone, then with node B beside it: the drain ratio of one run.
        var solo = await cluster.WaitUntilFinishedAsync(await ClusterHarness.SubmitAsync(clientA, Jobs, "solo"), TimeSpan.FromMinutes(3));
        var b = cluster.StartNode("node-b", Work, Concurrency);
        await b.WaitUntilReadyAsync();
        await WaitUntilLiveAsync(clientA, "node-a", "node-b");

        var received = new ConcurrentDictionary<Guid, DateTime>();
        await using var hub = await ConnectAsync(a, clientA, received);
        var pairIds = await ClusterHarness.SubmitAsync(clientA, Jobs, "pair");
        var pair = await cluster.WaitUntilFinishedAsync(pairIds, TimeSpan.FromMinutes(3));
        var completions = await cluster.CompletionsAsync(pairIds);
        await WaitForAsync(() => pairIds.All(received.ContainsKey), TimeSpan.FromSeconds(10), "A's hub client missed completions");

        var soloDrain = Drain(solo);
        var pairDrain = Drain(pair);
        var ratio = soloDrain.TotalMilliseconds / pairDrain.TotalMilliseconds;
        var share = completions.Values.Select(c => c.Single()).GroupBy(n => n).ToDictionary(g => g.Key ?? "?", g => g.Count());
        var onB = pair.Where(j => completions[j.Id].Single() == "node-b").ToList();
        var pushDelays = onB.Select(j => (received[j.Id] - j.CompletedAt!.Value).TotalMilliseconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Drain of {Jobs} jobs x {Work.TotalMilliseconds} ms: one node {soloDrain.TotalSeconds:0.00} s, two nodes {pairDrain.TotalSeconds:0.00} s, ratio {ratio:0.00}"));
        output.WriteLine($"Per node: {string.Join(", ", share.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value} ({100.0 * s.Value / Jobs:0}%)"))}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A's hub client saw B's completions after p50 {pushDelays[pushDelays.Count / 2]:0} ms, max {pushDelays[^1]:0} ms"));

        Assert.All(pair, j => Assert.Equal(JobStatus.Completed, j.Status));
        Assert.All(completions.Values, nodes => Assert.Single(nodes));
        Assert.True(share.GetValueOrDefault("node-a") >= 0.3 * Jobs, $"node-a ran {share.GetValueOrDefault("node-a")} of {Jobs}");
        Assert.True(share.GetValueOrDefault("node-b") >= 0.3 * Jobs, $"node-b ran {share.GetValueOrDefault("node-b")} of {Jobs}");
        Assert.True(pushDelays[^1] <= 1000, $"A's hub client saw a completion on B {pushDelays[^1]:0} ms late");
        Assert.True(ratio >= 1.6, $"Two nodes drained the backlog only {ratio:0.00} times as fast as one");
    }

    /// <summary>
    /// The issue's own load: 200 jobs of 50 ms submitted to A. Each node must take at least 30 % of them, and a
    /// browser on A's jobs monitor must show each job B finished within 1 s. The drain ratio at this job length
    /// is printed, not asserted: 50 ms jobs leave both processes bound by the two shared cores (see the class).
    /// </summary>
    [ClusterFact]
    public async Task TwoNodes_ShortJobsSubmittedOnlyToA_EachRunsAThirdAndABrowserOnASeesBsWorkWithinASecond()
    {
        Assert.True(BrowserFactAttribute.IsAvailable, $"This test drives {BrowserFactAttribute.ChromiumPath}; .ci/run installs it (apt-get install chromium).");
        var work = TimeSpan.FromMilliseconds(50);
        using var cluster = new ClusterHarness();
        var a = cluster.StartNode("node-a", work, Concurrency, ClusterHarness.Browsable);
        using var clientA = await a.LoginAsync();
        var solo = await cluster.WaitUntilFinishedAsync(await ClusterHarness.SubmitAsync(clientA, Jobs, "solo"), TimeSpan.FromMinutes(3));
        var b = cluster.StartNode("node-b", work, Concurrency);
        await b.WaitUntilReadyAsync();
        await WaitUntilLiveAsync(clientA, "node-a", "node-b");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFactAttribute.ChromiumPath, Headless = true, Args = BrowserAppFixture.ChromiumArgs });
        var page = await browser.NewPageAsync(new() { BaseURL = a.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.SignInAsync(RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword, "/admin/jobs");
        await Expect(page.GetByTestId("job-table")).ToBeVisibleAsync();

        // The page's own clock (this machine's, as the nodes') stamps the moment each status chip reads COMPLETED.
        await page.EvaluateAsync("""
            () => {
              window.riSeen = {};
              const scan = () => {
                const now = Date.now();
                for (const chip of document.querySelectorAll('[data-testid^="job-status-"]')) {
                  const id = chip.dataset.testid.substring('job-status-'.length);
                  if (!(id in window.riSeen) && chip.textContent.trim() === 'COMPLETED') window.riSeen[id] = now;
                }
              };
              new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
            }
            """);

        var received = new ConcurrentDictionary<Guid, DateTime>();
        await using var hub = await ConnectAsync(a, clientA, received);
        var ids = await ClusterHarness.SubmitAsync(clientA, Jobs, "short");
        var pair = await cluster.WaitUntilFinishedAsync(ids, TimeSpan.FromMinutes(3));
        var completions = await cluster.CompletionsAsync(ids);
        var onB = pair.Where(j => completions[j.Id].Single() == "node-b").ToList();
        Dictionary<string, double> seen = [];
        await WaitForAsync(async () =>
        {
            seen = await page.EvaluateAsync<Dictionary<string, double>>("() => window.riSeen");
            return onB.All(j => seen.ContainsKey(j.Id.ToString()));
        }, TimeSpan.FromSeconds(15), "The browser on A never showed some of B's completions");

        var share = completions.Values.Select(c => c.Single()).GroupBy(n => n).ToDictionary(g => g.Key ?? "?", g => g.Count());
        var delays = onB.Select(j => (DateTimeOffset.FromUnixTimeMilliseconds((long)seen[j.Id.ToString()]).UtcDateTime - j.CompletedAt!.Value).TotalMilliseconds)
            .Order().ToList();
        var ratio = Drain(solo).TotalMilliseconds / Drain(pair).TotalMilliseconds;
        var hubDelays = onB.Select(j => (received[j.Id] - j.CompletedAt!.Value).TotalMilliseconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A's hub client saw B's completions after p50 {hubDelays[hubDelays.Count / 2]:0} ms, max {hubDelays[^1]:0} ms"));
        output.WriteLine($"Per node: {string.Join(", ", share.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value} ({100.0 * s.Value / Jobs:0}%)"))}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The browser on A showed B's {onB.Count} completions after p50 {delays[delays.Count / 2]:0} ms, p95 {delays[(int)(delays.Count * 0.95)]:0} ms, max {delays[^1]:0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Drain of {Jobs} jobs x {work.TotalMilliseconds} ms (not asserted): one node {Drain(solo).TotalSeconds:0.00} s, two nodes {Drain(pair).TotalSeconds:0.00} s, ratio {ratio:0.00}"));

        Assert.All(pair, j => Assert.Equal(JobStatus.Completed, j.Status));
        Assert.All(completions.Values, nodes => Assert.Single(nodes));
        Assert.True(share.GetValueOrDefault("node-a") >= 0.3 * Jobs, $"node-a ran {share.GetValueOrDefault("node-a")} of {Jobs}");
        Assert.True(share.GetValueOrDefault("node-b") >= 0.3 * Jobs, $"node-b ran {share.GetValueOrDefault("node-b")} of {Jobs}");
        Assert.True(delays[^1] <= 1000, $"The browser on A showed a completion on B {delays[^1]:0} ms late");
    }

    [ClusterFact]
    public async Task TwoNodes_NodeBKilledMidJob_NodeAFinishesThatJobOnceWithin30Seconds()
    {
        using var cluster = new ClusterHarness();
        var a = cluster.StartNode("node-a", TimeSpan.FromMilliseconds(50), 2);
        using var clientA = await a.LoginAsync();

        // B's jobs take seconds, so the kill finds one running there.
        var b = cluster.StartNode("node-b", TimeSpan.FromSeconds(4), 2);
        await b.WaitUntilReadyAsync();
        await WaitUntilLiveAsync(clientA, "node-a", "node-b");
        var ids = await ClusterHarness.SubmitAsync(clientA, 100, "kill");
        var victim = await WaitForRunningOnAsync(cluster, ids, "node-b/");
        b.Kill();
        var killedAt = DateTime.UtcNow;

        var jobs = await cluster.WaitUntilFinishedAsync(ids, TimeSpan.FromMinutes(2));
        var completions = await cluster.CompletionsAsync(ids);
        var job = jobs.Single(j => j.Id == victim);
        var failover = job.CompletedAt!.Value - killedAt;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Job {victim} was running on node-b at SIGKILL; node-a completed it {failover.TotalSeconds:0.0} s later (attempt {job.Attempts})"));

        await using (var db = cluster.Database.CreateDbContext())
        {
            var started = await db.JobEvents.AsNoTracking().Where(e => e.JobId == victim && e.To == JobStatus.Processing).Select(e => e.Node).ToListAsync();
            Assert.Equal(["node-b", "node-a"], started);
        }

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(["node-a"], completions[victim]);
        Assert.True(failover < TimeSpan.FromSeconds(30), $"Failover took {failover}");
        Assert.All(jobs, j => Assert.Equal(JobStatus.Completed, j.Status));
        Assert.All(completions.Values, nodes => Assert.Single(nodes));
    }

    [ClusterFact]
    public async Task TwoNodes_DatabaseFileStore_DocumentUploadedOnAIsParsedOnBAndDownloadsFromBoth()
    {
        var databaseFiles = new Dictionary<string, string> { ["Files__Store"] = "Database" };
        using var cluster = new ClusterHarness();

        // A's one job thread is held by a minute-long AI preview, so A's scheduler takes no trigger and the parse
        // can run only on B, reading a file that A received.
        var a = cluster.StartNode("node-a", TimeSpan.FromMinutes(1), 1, databaseFiles);
        using var clientA = await a.LoginAsync();
        var hold = await ClusterHarness.SubmitAsync(clientA, 1, "hold");
        await WaitForRunningOnAsync(cluster, hold, "node-a/");
        var b = cluster.StartNode("node-b", TimeSpan.FromMilliseconds(50), 2, databaseFiles);
        using var clientB = await b.LoginAsync();
        await WaitUntilLiveAsync(clientA, "node-a", "node-b");

        var plan = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "samples", "kenya-dairy-cooperative-business-plan.pdf"));
        var assessment = (await clientA.CreateAssessmentAsync()).Id();
        var upload = await (await clientA.UploadAsync(assessment, plan, "plan.pdf")).AssertAcceptedDataAsync();
        var parseId = upload.GetProperty("jobId").GetGuid();
        var parse = (await cluster.WaitUntilFinishedAsync([parseId], TimeSpan.FromMinutes(1))).Single();
        var content = $"/api/assessments/{assessment}/documents/{upload.GetProperty("documentId").GetGuid()}/content";
        var fromA = await clientA.GetByteArrayAsync(content);
        var fromB = await clientB.GetByteArrayAsync(content);

        await using var db = cluster.Database.CreateDbContext();
        var nodes = await db.JobEvents.AsNoTracking().Where(e => e.JobId == parseId && (e.To == JobStatus.Processing || e.To == JobStatus.Completed))
            .OrderBy(e => e.Id).Select(e => e.Node).ToListAsync();
        var holdStatus = await db.Jobs.AsNoTracking().Where(j => j.Id == hold[0]).Select(j => j.Status).SingleAsync();
        output.WriteLine($"parse {parseId}: {parse.Status} on {string.Join(", ", nodes)}; A's hold job {holdStatus} when it ended");
        Assert.True(parse.Status == JobStatus.Completed, parse.Error);
        Assert.Equal(["node-b", "node-b"], nodes);
        Assert.Equal(plan, fromA);
        Assert.Equal(plan, fromB);
    }

    private static TimeSpan Drain(IEnumerable<Job> jobs)
    {
        var list = jobs.ToList();
        return list.Max(j => j.CompletedAt!.Value) - list.Min(j => j.CreatedAt);
    }

    private static async Task<Guid> WaitForRunningOnAsync(ClusterHarness cluster, IReadOnlyCollection<Guid> ids, string leasePrefix)
    {
        Guid? found = null;
        await WaitForAsync(async () =>
        {
            await using var db = cluster.Database.CreateDbContext();
            found = await db.Jobs.AsNoTracking()
                .Where(j => ids.Contains(j.Id) && j.Status == JobStatus.Processing && j.LeaseOwner!.StartsWith(leasePrefix))
                .Select(j => (Guid?)j.Id).FirstOrDefaultAsync();
            return found is not null;
        }, TimeSpan.FromSeconds(60), $"No job ran on {leasePrefix}");
        return found!.Value;
    }

    /// <summary>Both nodes in A's <c>/api/jobs/stats</c>: B has a heartbeat, so its scheduler is up.</summary>
    private static Task WaitUntilLiveAsync(HttpClient client, params string[] names) => WaitForAsync(async () =>
    {
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/jobs/stats");
        var live = stats.GetProperty("liveNodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ToList();
        return names.All(live.Contains);
    }, TimeSpan.FromSeconds(60), $"/api/jobs/stats did not list {string.Join(", ", names)}");

    private static async Task<HubConnection> ConnectAsync(AppProcess node, HttpClient client, ConcurrentDictionary<Guid, DateTime> completed)
    {
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Address, "/hubs/jobs"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        hub.On<JsonElement>("JobUpdated", job =>
        {
            if (job.GetProperty("status").GetString() == "COMPLETED")
            {
                completed.TryAdd(job.GetProperty("id").GetGuid(), DateTime.UtcNow);
            }
        });
        await hub.StartAsync();

        // Answered only after OnConnectedAsync: from here on the connection is in the owner's group.
        await hub.InvokeAsync("UnsubscribeJob", Guid.Empty);
        return hub;
    }

    private static Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string failure) =>
        WaitForAsync(() => Task.FromResult(condition()), timeout, failure);

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
