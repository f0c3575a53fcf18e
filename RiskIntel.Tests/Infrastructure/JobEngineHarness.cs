using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Jobs.Notifications.Webhooks;
using RiskIntel.Core.Jobs.Storage;
using RiskIntel.Core.Persistence;
using RiskIntel.Tests.Fakes;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>The job engine's Core services wired by hand on a real SQLite file, a fake clock and a recording scheduler.</summary>
public sealed class JobEngineHarness : IDisposable
{
    private readonly SqliteTestDatabase? _database;

    public JobEngineHarness(IJobHandler handler, Action<JobsOptions>? configure = null, string nodeName = "node-a",
        IDbContextFactory<RiskIntelDbContext>? database = null, IEnumerable<IJobCompletionHandler>? completionHandlers = null,
        IEnumerable<IJobStatusNotifier>? notifiers = null)
    {
        if (database is null)
        {
            var sqlite = new SqliteTestDatabase();
            _database = sqlite;
            database = sqlite.CreateFactory();
        }

        var jobsOptions = new JobsOptions { NodeName = nodeName, RetryBaseDelay = TimeSpan.FromSeconds(2), LeaseDuration = TimeSpan.FromSeconds(30) };
        configure?.Invoke(jobsOptions);
        Options = Microsoft.Extensions.Options.Options.Create(jobsOptions);
        Db = database;
        Store = JobStores.Create(database, Clock, NullLogger.Instance);
        Publisher = new JobStatusPublisher([Notifications, .. notifiers ?? []], NullLogger<JobStatusPublisher>.Instance);
        Node = new NodeIdentity(Options);
        Committer = new JobCommitter(completionHandlers ?? [], Scheduler, Publisher, Options, Clock, NullLogger<JobCommitter>.Instance);
        Runner = NewRunner(handler, Node, Options, Running);
        Jobs = NewJobService(Running);
        Recovery = NewRecovery(Node, Options);
        Retention = new JobRetention(Db, Options, Clock, NullLogger<JobRetention>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    public RecordingJobScheduler Scheduler { get; } = new();

    public RecordingNotifier Notifications { get; } = new();

    public RunningJobs Running { get; } = new();

    public IOptions<JobsOptions> Options { get; }

    public IDbContextFactory<RiskIntelDbContext> Db { get; }

    /// <summary>The job store's hot path on <see cref="Db"/>, as the app picks it (the SQL store with its group-committing writer).</summary>
    public IJobStore Store { get; }

    public JobStatusPublisher Publisher { get; }

    public NodeIdentity Node { get; }

    public JobCommitter Committer { get; }

    public JobRunner Runner { get; }

    public JobService Jobs { get; }

    public JobRecovery Recovery { get; }

    public JobRetention Retention { get; }

    /// <summary>A runner of another node (or with other handlers) on the same database, clock and scheduler.</summary>
    public JobRunner NewRunner(IJobHandler handler, NodeIdentity node, IOptions<JobsOptions> options, RunningJobs? running = null) =>
        new(Db, Store, [handler], Scheduler, Publisher, Committer, running ?? new(), node, options, Clock, NullLogger<JobRunner>.Instance);

    public JobService NewJobService(RunningJobs? running = null) =>
        new(Db, Store, Scheduler, Publisher, Committer, new CallbackUrlPolicy(new StaticOptionsMonitor<WebhookOptions>(new WebhookOptions())),
            running ?? new(), Options, Clock);

    public JobRecovery NewRecovery(NodeIdentity node, IOptions<JobsOptions> options) =>
        new(Db, Scheduler, Scheduler, Committer, node, options, Clock, NullLogger<JobRecovery>.Instance);

    public async Task<JobDto> SubmitAsync(JobType type = JobType.AiPreview, string user = "user-1", JsonObject? input = null, string? key = null)
    {
        var result = await Jobs.SubmitAsync(new JobSubmission(type, input ?? new JsonObject { ["n"] = Guid.NewGuid().ToString() }, user, key), default);
        return result.Job;
    }

    public async Task<Job> LoadAsync(Guid id)
    {
        await using var db = Db.CreateDbContext();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    public async Task<List<JobEvent>> EventsAsync(Guid id)
    {
        await using var db = Db.CreateDbContext();
        return await db.JobEvents.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Id).ToListAsync();
    }

    public void Dispose()
    {
        (Store as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _database?.Dispose();
    }

    public sealed class RecordingNotifier : IJobStatusNotifier
    {
        public ConcurrentQueue<JobStatusChanged> Changes { get; } = new();

        public ValueTask PublishAsync(JobStatusChanged change, CancellationToken cancellationToken)
        {
            Changes.Enqueue(change);
            return ValueTask.CompletedTask;
        }
    }
}
