using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;

namespace RiskIntel.Benchmarks.Engine;

/// <summary>
/// Hangfire 1.8.25 with 8 workers on one of its storages: InMemory, Hangfire.Storage.SQLite, Hangfire.PostgreSql.
/// Queue polling: 10 ms on SQLite, 50 ms (the storage's lowest allowed) with LISTEN/NOTIFY long polling on PostgreSQL.
/// </summary>
internal sealed class HangfireContender(string storage, Database? database) : IContender
{
    private BackgroundJobServer? _server;
    private BackgroundJobClient? _client;
    private long _expected;

    public string Name => $"Hangfire {storage}";

    public static Probe? Current { get; private set; }

    public Task StartAsync(Probe probe)
    {
        Current = probe;
        var configuration = GlobalConfiguration.Configuration.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
        if (storage == "InMemory")
        {
            configuration.UseInMemoryStorage();
        }
        else if (storage == "SQLite")
        {
            configuration.UseSQLiteStorage(database!.SqlitePath, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(10) });
        }
        else
        {
            configuration.UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(database!.ConnectionString),
                new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(50), EnableLongPolling = true, PrepareSchemaIfNecessary = true });
        }
        GlobalJobFilters.Filters.Add(FinishedFilter.Instance);
        _client = new BackgroundJobClient(JobStorage.Current);
        _server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 8, SchedulePollingInterval = TimeSpan.FromSeconds(1) }, JobStorage.Current);
        return Task.CompletedTask;
    }

    public Task SubmitAsync(int index)
    {
        _client!.Enqueue(() => HangfireJobs.Run(index));
        Interlocked.Increment(ref _expected);
        return Task.CompletedTask;
    }

    // Done when the storage itself counts every job as succeeded.
    public async Task DrainAsync()
    {
        var monitoring = JobStorage.Current.GetMonitoringApi();
        while (monitoring.SucceededListCount() < Interlocked.Read(ref _expected))
        {
            await Task.Delay(2);
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.SendStop();
        _server?.Dispose();
        GlobalJobFilters.Filters.Remove(FinishedFilter.Instance);
        return ValueTask.CompletedTask;
    }

    private sealed class FinishedFilter : JobFilterAttribute, IApplyStateFilter
    {
        public static readonly FinishedFilter Instance = new();

        public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
        {
            if (context.NewState is SucceededState && context.BackgroundJob.Job.Args[0] is int index)
            {
                Current?.Finished(index);
            }
        }

        public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
        {
        }
    }
}

/// <summary>The no-op job Hangfire runs (a public static method, as Hangfire's expressions need).</summary>
public static class HangfireJobs
{
    public static void Run(int index) => HangfireContender.Current?.Started(index);
}
