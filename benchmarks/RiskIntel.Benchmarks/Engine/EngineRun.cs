using System.Diagnostics;

namespace RiskIntel.Benchmarks.Engine;

/// <summary>What one run of one engine measured.</summary>
internal sealed record EngineResult(
    string Database, int Jobs, string Engine, int Round, double JobsPerSecond,
    double IdleP50, double IdleP95, double IdleP99, double BurstP50, double BurstP95, double BurstP99,
    double AppCpuMsPerJob, double DbCpuMsPerJob, double CommitsPerJob, double StatementsPerJob, double AllocatedKbPerJob = double.NaN);

/// <summary>
/// One run: a fresh database, the engine started, 100 warm-up jobs, 30 idle jobs one at a time (submit to start),
/// then a burst of N jobs from 4 submitters; throughput is N over first submission to last committed completion.
/// </summary>
internal static class EngineRun
{
    private const int Submitters = 4;
    private static readonly ActivityListener Statements = StartStatementCounter();
    private static long _npgsqlCommands;

    public static async Task<EngineResult> RunAsync(string kind, int jobs, int round, Func<Database, IContender> create)
    {
        await using var database = await Database.CreateAsync(kind);
        var probe = new Probe();
        await using var contender = create(database);
        await contender.StartAsync(probe);
        await BurstAsync(contender, probe, 100);
        var idle = await IdleAsync(contender, probe, 30);

        var commitsBefore = await SettledCommitsAsync(database);
        var own = contender.OwnCounters();
        var statements = Interlocked.Read(ref _npgsqlCommands);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Stats.ProcessCpu();
        var dbCpu = database.IsPostgres ? Stats.CpuOf("postgres") : TimeSpan.Zero;
        var seconds = await BurstAsync(contender, probe, jobs);
        var appCpu = (Stats.ProcessCpu() - cpu).TotalMilliseconds / jobs;
        var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / jobs;
        var serverCpu = database.IsPostgres ? (Stats.CpuOf("postgres") - dbCpu).TotalMilliseconds / jobs : double.NaN;
        var ownAfter = contender.OwnCounters();
        var npgsql = Interlocked.Read(ref _npgsqlCommands) - statements;
        var commitsAfter = await SettledCommitsAsync(database);
        var burst = probe.StartLatencies();

        double commits = double.NaN, perJobStatements = double.NaN;
        if (own is { } o && ownAfter is { } a)
        {
            commits = (a.Commits - o.Commits) / (double)jobs;
            perJobStatements = (a.Statements - o.Statements) / (double)jobs;
        }

        if (database.IsPostgres)
        {
            commits = (commitsAfter!.Value - commitsBefore!.Value) / (double)jobs;
            perJobStatements = npgsql / (double)jobs;
        }

        return new EngineResult(kind, jobs, contender.Name, round, jobs / seconds,
            Stats.Percentile(idle, 0.5), Stats.Percentile(idle, 0.95), Stats.Percentile(idle, 0.99),
            Stats.Percentile(burst, 0.5), Stats.Percentile(burst, 0.95), Stats.Percentile(burst, 0.99),
            appCpu, serverCpu, commits, perJobStatements, allocatedKb);
    }

    private static async Task<double> BurstAsync(IContender contender, Probe probe, int jobs)
    {
        probe.Reset(jobs);
        await Parallel.ForAsync(0, jobs, new ParallelOptions { MaxDegreeOfParallelism = Submitters }, async (i, _) =>
        {
            probe.Submitted(i);
            await contender.SubmitAsync(i);
        });
        await probe.AllFinished(TimeSpan.FromMinutes(10));
        await contender.DrainAsync();
        return Stopwatch.GetElapsedTime(probe.FirstSubmitted).TotalSeconds;
    }

    private static async Task<double[]> IdleAsync(IContender contender, Probe probe, int samples)
    {
        var latencies = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            probe.Reset(1);
            probe.Submitted(0);
            await contender.SubmitAsync(0);
            await probe.AllFinished(TimeSpan.FromMinutes(1));
            await contender.DrainAsync();
            latencies[i] = probe.StartLatencies()[0];
        }

        return latencies;
    }

    // PostgreSQL's backends flush their statistics at most once a second; wait for that before reading them.
    private static async Task<long?> SettledCommitsAsync(Database database)
    {
        if (!database.IsPostgres)
        {
            return null;
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        return await database.CommitsAsync();
    }

    private static ActivityListener StartStatementCounter()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStarted = _ => Interlocked.Increment(ref _npgsqlCommands),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    public static void EnsureListening() => GC.KeepAlive(Statements);
}
