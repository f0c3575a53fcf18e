using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Persistence.Providers;

namespace RiskIntel.Benchmarks;

/// <summary>
/// Scale-out on real app processes, one PostgreSQL database and one Redis (as the README's "Running several nodes" runs them):
/// (1) the drain ratio, a backlog of AI previews submitted to node A, drained by A alone and then by A and B
/// (Jobs:Scheduler=Clustered, two jobs at a time per node), for 400 ms and 50 ms of simulated model time;
/// (2) the engine's own rate, one node, no simulated work, clustered scheduler against the in-memory one on
/// the same database. Needs RISKINTEL_TEST_POSTGRES and RISKINTEL_TEST_REDIS, as the tests do.
/// </summary>
internal static class ClusterBenchmark
{
    private const string AdminEmail = "bench-admin@example.org";
    private const string AdminPassword = "Bench-Password-1";

    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        var backlog = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var burst = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var postgres = Environment.GetEnvironmentVariable("RISKINTEL_TEST_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("RISKINTEL_TEST_REDIS");
        if (string.IsNullOrWhiteSpace(postgres) || string.IsNullOrWhiteSpace(redis))
        {
            Console.Error.WriteLine("cluster needs RISKINTEL_TEST_POSTGRES (a PostgreSQL server) and RISKINTEL_TEST_REDIS (a Redis server); .ci/run shows how to start both.");
            Environment.ExitCode = 2;
            return;
        }

        Console.WriteLine($"Drain of {backlog} jobs submitted to node A, two jobs at a time per node (clustered scheduler)");
        Console.WriteLine("| simulated work | one node s | two nodes s | ratio | share A / B |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var work in new[] { TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(50) })
        {
            await using var cluster = await Cluster.CreateAsync(postgres, redis);
            var a = cluster.Start("node-a", JobSchedulerMode.Clustered, work, concurrency: 2);
            using var clientA = await a.LoginAsync();
            var solo = await cluster.DrainAsync(clientA, backlog);
            var b = cluster.Start("node-b", JobSchedulerMode.Clustered, work, concurrency: 2);
            await b.WaitUntilReadyAsync();
            await Cluster.WaitForLiveNodesAsync(clientA, 2);
            var pair = await cluster.DrainAsync(clientA, backlog);
            Console.WriteLine(FormattableString.Invariant(
                $"| {work.TotalMilliseconds:0} ms | {solo.Seconds:0.00} | {pair.Seconds:0.00} | {solo.Seconds / pair.Seconds:0.00} | {pair.Share("node-a")} / {pair.Share("node-b")} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"One node, {burst} jobs without simulated work, 8 submitting clients, 8 jobs at a time");
        Console.WriteLine("| scheduler | submit jobs/s | completed jobs/s | p50 / p95 submit → completed ms |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var mode in new[] { JobSchedulerMode.InMemory, JobSchedulerMode.Clustered })
        {
            await using var cluster = await Cluster.CreateAsync(postgres, redis);
            var node = cluster.Start("node-a", mode, TimeSpan.Zero, concurrency: 8);
            using var client = await node.LoginAsync();
            await cluster.DrainAsync(client, 20);
            var run = await cluster.DrainAsync(client, burst);
            Console.WriteLine(FormattableString.Invariant(
                $"| {mode} | {burst / run.SubmitSeconds:0.0} | {burst / run.Seconds:0.0} | {run.LatencyP50:0} / {run.LatencyP95:0} |"));
        }
    }

    private sealed record Drain(double Seconds, double SubmitSeconds, double LatencyP50, double LatencyP95, Dictionary<string, int> Nodes)
    {
        public string Share(string node) => FormattableString.Invariant($"{100.0 * Nodes.GetValueOrDefault(node) / Math.Max(1, Nodes.Values.Sum()):0} %");
    }

    /// <summary>A fresh database (migrated once, before any node starts), a private Redis channel, and the nodes started on them.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private readonly string _server;
        private readonly string _database;
        private readonly string _redis;
        private readonly string _channel = $"riskintel-bench-{Guid.NewGuid():N}";
        private readonly List<Node> _nodes = [];

        private Cluster(string server, string redis)
        {
            _server = server;
            _redis = redis;
            _database = new NpgsqlConnectionStringBuilder(server) { Database = $"riskintel_bench_{Guid.NewGuid():N}" }.ConnectionString;
        }

        public static async Task<Cluster> CreateAsync(string server, string redis)
        {
            var cluster = new Cluster(server, redis);
            await using var db = cluster.Db();
            await db.Database.MigrateAsync();
            return cluster;
        }

        public Node Start(string name, JobSchedulerMode mode, TimeSpan work, int concurrency)
        {
            var node = Node.Start(new Dictionary<string, string>
            {
                ["Database__Provider"] = "Npgsql",
                ["ConnectionStrings__RiskIntel"] = _database,
                ["Redis__ConnectionString"] = _redis,
                ["Redis__ChannelPrefix"] = _channel,
                ["Jobs__Scheduler"] = mode.ToString(),
                ["Jobs__NodeName"] = name,
                ["Jobs__MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
                ["Ai__MaxConcurrentJobs"] = concurrency.ToString(CultureInfo.InvariantCulture),
                ["Ai__OfflineLatency"] = work.ToString("c", CultureInfo.InvariantCulture),
                ["Jobs__Cluster__CheckinInterval"] = "00:00:01",
                ["Logging__LogLevel__Default"] = "Warning",
            });
            _nodes.Add(node);
            return node;
        }

        /// <summary>Submits <paramref name="count"/> previews eight at a time and waits, reading the database, until all are done.</summary>
        public async Task<Drain> DrainAsync(HttpClient client, int count)
        {
            var started = Stopwatch.GetTimestamp();
            var ids = new List<Guid>(count);
            foreach (var batch in Enumerable.Range(0, count).Chunk(8))
            {
                ids.AddRange(await Task.WhenAll(batch.Select(async i =>
                {
                    var response = await client.PostAsJsonAsync("/api/admin/prompts/preview",
                        new { userPrompt = $"Job {i}: the cooperative grows maize on 40 ha and sells to two mills." });
                    response.EnsureSuccessStatusCode();
                    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("jobId").GetGuid();
                })));
            }

            var submitted = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var deadline = DateTime.UtcNow.AddMinutes(10);
            while (true)
            {
                await using var db = Db();
                var jobs = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync();
                if (jobs.Count == count && jobs.All(j => j.IsTerminal))
                {
                    var failed = jobs.Count(j => j.Status != JobStatus.Completed);
                    if (failed > 0)
                    {
                        throw new InvalidOperationException($"{failed} of {count} jobs did not complete.");
                    }

                    var nodes = await db.JobEvents.AsNoTracking().Where(e => ids.Contains(e.JobId) && e.To == JobStatus.Completed)
                        .GroupBy(e => e.Node).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? "?", g => g.Count);
                    var latencies = jobs.Select(j => (j.CompletedAt!.Value - j.CreatedAt).TotalMilliseconds).Order().ToList();
                    var drain = (jobs.Max(j => j.CompletedAt!.Value) - jobs.Min(j => j.CreatedAt)).TotalSeconds;
                    return new Drain(drain, submitted, latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.95)], nodes);
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{count} jobs did not finish in 10 minutes.");
                }

                await Task.Delay(100);
            }
        }

        public static async Task WaitForLiveNodesAsync(HttpClient client, int count)
        {
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while ((await client.GetFromJsonAsync<JsonElement>("/api/jobs/stats")).GetProperty("liveNodes").GetArrayLength() < count)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"/api/jobs/stats did not list {count} live nodes.");
                }

                await Task.Delay(200);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _nodes.ForEach(n => n.Dispose());
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(_database).Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        private NpgsqlRiskIntelDbContext Db() =>
            new(new DbContextOptionsBuilder<NpgsqlRiskIntelDbContext>().UseNpgsql(_database).Options);
    }

    /// <summary>One app process from this build's output, on a free 127.0.0.1 port, with a known admin account; the cluster disposes it.</summary>
    private sealed class Node : IDisposable
    {
        private readonly Process _process;
        private readonly Uri _address;
        private volatile bool _listening;

        private Node(Process process, Uri address)
        {
            _process = process;
            _address = address;
            var line = "Now listening on: " + address.GetLeftPart(UriPartial.Authority);
            process.OutputDataReceived += (_, e) => _listening |= e.Data?.Contains(line, StringComparison.Ordinal) == true;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public static Node Start(Dictionary<string, string> settings)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var dll = Path.Combine(AppContext.BaseDirectory, "RiskIntel.App.dll");
            var info = new ProcessStartInfo("dotnet", [dll])
            {
                WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            info.Environment["Auth__Local__AdminEmail"] = AdminEmail;
            info.Environment["Auth__Local__AdminPassword"] = AdminPassword;
            info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
            foreach (var (key, value) in settings)
            {
                info.Environment[key] = value;
            }

            return new Node(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        }

        public async Task WaitUntilReadyAsync()
        {
            using var client = new HttpClient { BaseAddress = _address };
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!_listening || !await IsReadyAsync(client))
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"The node at {_address} did not start.");
                }

                await Task.Delay(200);
            }
        }

        public async Task<HttpClient> LoginAsync()
        {
            await WaitUntilReadyAsync();
            var client = new HttpClient { BaseAddress = _address };
            var login = await client.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
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

        private static async Task<bool> IsReadyAsync(HttpClient client)
        {
            try
            {
                return (await client.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }
    }
}
