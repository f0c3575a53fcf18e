using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace RiskIntel.Benchmarks.Engine;

/// <summary>
/// Bare Quartz 4.7.3 on its AdoJobStore (the schema provisioned by Quartz itself): one durable job and trigger per
/// submission, 8 threads, triggers acquired in batches of the pool's size.
/// </summary>
internal sealed class QuartzAdoContender(Database database) : IContender
{
    private ServiceProvider? _services;
    private IScheduler? _scheduler;

    public string Name => "Quartz AdoJobStore";

    public static Probe? Current { get; private set; }

    public async Task StartAsync(Probe probe)
    {
        Current = probe;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(8);
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = $"bench-{Guid.NewGuid():N}";
                s.MaxBatchSize = 8;
            });
            q.UsePersistentStore(store =>
            {
                if (database.IsPostgres)
                {
                    store.UsePostgres(database.ConnectionString);
                }
                else
                {
                    store.UseSqlite(PragmaSqliteFactory.Instance, database.ConnectionString);
                }

                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer(_ => { });
            });
        });
        services.AddTransient<NoOpJob>();
        _services = services.BuildServiceProvider();
        _scheduler = await _services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await _scheduler.Start();
    }

    public async Task SubmitAsync(int index)
    {
        var key = Guid.NewGuid().ToString("N");
        var job = JobBuilder.Create<NoOpJob>().WithIdentity(key, "bench").UsingJobData("i", index.ToString(CultureInfo.InvariantCulture)).Build();
        var trigger = TriggerBuilder.Create(TimeProvider.System).WithIdentity(key, "bench").StartNow().Build();
        await _scheduler!.ScheduleJob(job, trigger, default, default);
    }

    // A job counts as done when its trigger is gone from the store, i.e. its completion is committed.
    public async Task DrainAsync()
    {
        while ((await _scheduler!.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("bench"), default)).Count > 0)
        {
            await Task.Delay(2);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is not null)
        {
            await _scheduler.Shutdown(true);
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private sealed class NoOpJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            var index = int.Parse(context.MergedJobDataMap.GetString("i")!, CultureInfo.InvariantCulture);
            Current?.Started(index);
            Current?.Finished(index);
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Microsoft.Data.Sqlite with RiskIntel's per-connection settings, so that Quartz commits on the same terms.</summary>
internal sealed class PragmaSqliteFactory : DbProviderFactory
{
    public static readonly PragmaSqliteFactory Instance = new();

    public override DbConnection CreateConnection() => new PragmaSqliteConnection();

    public override DbCommand CreateCommand() => new SqliteCommand();

    public override DbParameter CreateParameter() => new SqliteParameter();

    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => new SqliteConnectionStringBuilder();

    private sealed class PragmaSqliteConnection : SqliteConnection
    {
        public override void Open()
        {
            base.Open();
            using var command = CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
            command.ExecuteNonQuery();
        }
    }
}
