using System.Globalization;
using System.Text.Json;
using static RiskIntel.Benchmarks.Engine.Stats;

namespace RiskIntel.Benchmarks.Engine;

/// <summary>
/// <c>engine</c>: RiskIntel's job engine against bare Quartz (AdoJobStore) and Hangfire on the same database
/// settings, contenders interleaved and their order rotated every round; medians and spread of the rounds,
/// and the database's own single-row commit limit on the same settings.
/// </summary>
internal static class EngineBenchmark
{
    public static async Task RunAsync(IReadOnlyList<string> args)
    {
        var rounds = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var sizes = (args.Count > 1 ? args[1] : "1000,5000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var kinds = (args.Count > 2 ? args[2] : "sqlite,postgres").Split(',').ToList();
        if (kinds.Contains("postgres") && !await Database.PostgresAvailableAsync())
        {
            Console.WriteLine($"PostgreSQL is not reachable ({Database.PostgresServer}); running SQLite only.");
            kinds.Remove("postgres");
        }

        EngineRun.EnsureListening();
        var results = new List<EngineResult>();
        var limits = new List<(string Kind, int Connections, double PerSecond)>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var kind in kinds)
            {
                foreach (var connections in Environment.GetEnvironmentVariable("RISKINTEL_BENCH_NOLIMIT") is null ? new[] { 1, 8 } : [])
                {
                    await using var database = await Database.CreateAsync(kind);
                    limits.Add((kind, connections, await CommitLimit.MeasureAsync(database, connections, TimeSpan.FromSeconds(2))));
                }

                foreach (var jobs in sizes)
                {
                    var only = Environment.GetEnvironmentVariable("RISKINTEL_BENCH_ONLY");
                    var contenders = Contenders(kind).Where(c => only is null || c.Name.StartsWith(only, StringComparison.Ordinal))
                        .Where(c => round == 1 || !TooSlowToRepeat(c.Name, kind, jobs, results)).ToList();
                    for (var i = 0; i < contenders.Count; i++)
                    {
                        var (name, create) = contenders[(i + round - 1) % contenders.Count];
                        Console.Error.Write($"round {round} {kind} N={jobs} {name} ... ");
                        var result = await EngineRun.RunAsync(kind, jobs, round, create);
                        Console.Error.WriteLine(F(result.JobsPerSecond, "0") + " jobs/s");
                        results.Add(result);
                    }
                }
            }
        }

        Print(results, limits);
    }

    // A contender that ran below 50 jobs/s at this size in round 1 would take many minutes a round; it runs once.
    private static bool TooSlowToRepeat(string name, string kind, int jobs, List<EngineResult> results) =>
        jobs > 1000 && results.Any(r => r.Engine == name && r.Database == kind && r.Jobs == jobs && r.Round == 1 && r.JobsPerSecond < 50);

    private static List<(string Name, Func<Database, IContender> Create)> Contenders(string kind) => kind == "sqlite"
        ?
        [
            ("RiskIntel", db => new RiskIntelContender(db)),
            ("Quartz AdoJobStore", db => new QuartzAdoContender(db)),
            ("Hangfire SQLite", db => new HangfireContender("SQLite", db)),
            ("Hangfire InMemory", _ => new HangfireContender("InMemory", null)),
        ]
        :
        [
            ("RiskIntel", db => new RiskIntelContender(db)),
            ("Quartz AdoJobStore", db => new QuartzAdoContender(db)),
            ("Hangfire PostgreSql", db => new HangfireContender("PostgreSql", db)),
        ];

    private static void Print(List<EngineResult> results, List<(string Kind, int Connections, double PerSecond)> limits)
    {
        Console.WriteLine("| database | N | engine | jobs/s (spread) | RiskIntel ÷ it | idle submit→start p50/p95/p99 ms | burst p50/p95/p99 ms | app CPU ms/job | DB CPU ms/job | commits/job | statements/job | allocated KB/job |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var summary = new List<object>();
        foreach (var group in results.GroupBy(r => (r.Database, r.Jobs, r.Engine)))
        {
            double M(Func<EngineResult, double> f) => Median(group.Select(f));
            var ours = Median(results.Where(r => r.Database == group.Key.Database && r.Jobs == group.Key.Jobs && r.Engine == "RiskIntel").Select(r => r.JobsPerSecond));
            var rate = M(r => r.JobsPerSecond);
            Console.WriteLine($"| {group.Key.Database} | {group.Key.Jobs} | {group.Key.Engine} | {F(rate, "0")} (±{F(SpreadPercent(group.Select(r => r.JobsPerSecond).ToList()) / 2, "0")} %) | {F(ours / rate, "0.00")}× " +
                $"| {F(M(r => r.IdleP50))} / {F(M(r => r.IdleP95))} / {F(M(r => r.IdleP99))} | {F(M(r => r.BurstP50))} / {F(M(r => r.BurstP95))} / {F(M(r => r.BurstP99))} " +
                $"| {F(M(r => r.AppCpuMsPerJob), "0.00")} | {F(M(r => r.DbCpuMsPerJob), "0.00")} | {F(M(r => r.CommitsPerJob), "0.00")} | {F(M(r => r.StatementsPerJob), "0.0")} | {F(M(r => r.AllocatedKbPerJob), "0")} |");
            summary.Add(new
            {
                database = group.Key.Database, jobs = group.Key.Jobs, engine = group.Key.Engine, jobsPerSecond = rate,
                spreadPercent = SpreadPercent(group.Select(r => r.JobsPerSecond).ToList()), riskIntelRatio = ours / rate,
                idle = new { p50 = M(r => r.IdleP50), p95 = M(r => r.IdleP95), p99 = M(r => r.IdleP99) },
                burst = new { p50 = M(r => r.BurstP50), p95 = M(r => r.BurstP95), p99 = M(r => r.BurstP99) },
                appCpuMsPerJob = M(r => r.AppCpuMsPerJob), dbCpuMsPerJob = M(r => r.DbCpuMsPerJob),
                commitsPerJob = M(r => r.CommitsPerJob), statementsPerJob = M(r => r.StatementsPerJob), allocatedKbPerJob = M(r => r.AllocatedKbPerJob),
                rounds = group.Select(r => r.JobsPerSecond).ToArray(),
            });
        }

        Console.WriteLine();
        Console.WriteLine("| database | connections | single-row commits/s (median) | ÷ RiskIntel commits/job = limit jobs/s | RiskIntel at N=max, % of limit |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var limitSummary = new List<object>();
        foreach (var group in limits.GroupBy(l => (l.Kind, l.Connections)))
        {
            var perSecond = Median(group.Select(l => l.PerSecond));
            var ours = results.Where(r => r.Database == group.Key.Kind && r.Engine == "RiskIntel").ToList();
            var largest = ours.Count == 0 ? 0 : ours.Max(r => r.Jobs);
            var commitsPerJob = Median(ours.Where(r => r.Jobs == largest).Select(r => r.CommitsPerJob));
            var limit = perSecond / commitsPerJob;
            var achieved = Median(ours.Where(r => r.Jobs == largest).Select(r => r.JobsPerSecond));
            Console.WriteLine($"| {group.Key.Kind} | {group.Key.Connections} | {F(perSecond, "0")} | {F(limit, "0")} | {F(100 * achieved / limit, "0.0")} % |");
            limitSummary.Add(new { database = group.Key.Kind, connections = group.Key.Connections, commitsPerSecond = perSecond, limitJobsPerSecond = limit, percentOfLimit = 100 * achieved / limit });
        }

        Console.WriteLine(JsonSerializer.Serialize(new { suite = "engine", results = summary, limits = limitSummary }, JsonOptions));
    }

    internal static readonly JsonSerializerOptions JsonOptions = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
