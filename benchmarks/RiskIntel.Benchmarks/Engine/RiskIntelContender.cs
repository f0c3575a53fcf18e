using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using RiskIntel.Core;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;
using JobType = RiskIntel.Core.Jobs.JobType;

namespace RiskIntel.Benchmarks.Engine;

/// <summary>RiskIntel's engine as the app hosts it (Core + Quartz in-process), with a no-op handler for the job type.</summary>
internal sealed class RiskIntelContender(Database database) : IContender
{
    private static readonly MeterListener Counters = StartCounters();
    private static long _commits;
    private static long _statements;
    private IHost? _host;
    private JobService? _jobs;
    private IDisposable? _subscription;

    public string Name => "RiskIntel";

    public async Task StartAsync(Probe probe)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.IsPostgres ? "Npgsql" : "Sqlite",
            ["ConnectionStrings:RiskIntel"] = database.ConnectionString,
            ["Jobs:MaxConcurrency"] = "8",
            ["Ai:MaxConcurrentJobs"] = "8",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddRiskIntelCore();
        builder.Services.AddSingleton<IJobHandler, NoOpHandler>();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        _host = builder.Build();
        await _host.StartAsync();
        _jobs = _host.Services.GetRequiredService<JobService>();
        _subscription = _host.Services.GetRequiredService<JobStatusFeed>().SubscribeAll(change =>
        {
            var index = change.Job.Input.GetProperty("i").GetInt32();
            if (change.Job.Status == JobStatus.Processing)
            {
                probe.Started(index);
            }
            else if (change.Job.Status == JobStatus.Completed)
            {
                probe.Finished(index);
            }

            return Task.CompletedTask;
        });
    }

    public async Task SubmitAsync(int index) =>
        await _jobs!.SubmitAsync(new JobSubmission(JobType.AiPreview, new JsonObject { ["i"] = index }, "bench-user"), default);

    // The feed hears of a completion only after it is committed.
    public Task DrainAsync() => Task.CompletedTask;

    public (long Commits, long Statements)? OwnCounters()
    {
        Counters.RecordObservableInstruments();
        return (Interlocked.Read(ref _commits), Interlocked.Read(ref _statements));
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            if (_host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private static MeterListener StartCounters()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == JobTelemetry.Name && instrument.Name is "riskintel.jobs.store.commits" or "riskintel.jobs.store.statements")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "riskintel.jobs.store.commits")
            {
                Interlocked.Add(ref _commits, value);
            }
            else
            {
                Interlocked.Add(ref _statements, value);
            }
        });
        listener.Start();
        return listener;
    }

    private sealed class NoOpHandler : IJobHandler
    {
        private static readonly object Done = new { ok = true };

        public JobType Type => JobType.AiPreview;

        public Task<object> ExecuteAsync(JobAttempt context, CancellationToken cancellationToken) => Task.FromResult(Done);
    }
}
