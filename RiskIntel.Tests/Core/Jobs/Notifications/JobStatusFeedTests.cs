using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Jobs.Notifications;

/// <summary>
/// The feed's drop policy: each subscriber's queue is bounded; a subscriber that falls behind loses intermediate
/// changes, never a terminal one, and once it catches up it gets the current row of every job it lost a change of.
/// </summary>
public sealed class JobStatusFeedTests
{
    [Fact]
    public async Task Feed_SubscriberThatFallsBehind_LosesIntermediateChangesButNeverTheTerminalOne()
    {
        var feed = new JobStatusFeed(NullLogger<JobStatusFeed>.Instance);
        var job = Job(JobStatus.Processing);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var terminal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new ConcurrentQueue<JobStatusChanged>();
        using var subscription = feed.SubscribeJob(job.Id, async change =>
        {
            await gate.Task;
            received.Enqueue(change);
            if (change.Job.IsTerminal)
            {
                terminal.TrySetResult();
            }
        });

        for (var i = 1; i <= 5_000; i++)
        {
            await feed.PublishAsync(Change(job, JobStatus.Processing, i), default);
        }

        await feed.PublishAsync(Change(job, JobStatus.Completed, 5_001), default);
        gate.SetResult();
        await terminal.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(received.Count, 2, 256 + 2);
        Assert.Equal(JobStatus.Completed, received.Last().Job.Status);
        Assert.Single(received, c => c.Job.IsTerminal);
    }

    [Fact]
    public async Task Feed_TerminalChangesOfManyJobs_AreAllDeliveredToASlowSubscriber()
    {
        var feed = new JobStatusFeed(NullLogger<JobStatusFeed>.Instance);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = new ConcurrentDictionary<Guid, byte>();
        var jobs = Enumerable.Range(0, 50).Select(_ => Job(JobStatus.Processing)).ToList();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.SubscribeAll(async change =>
        {
            await gate.Task;
            if (change.Job.IsTerminal && completed.TryAdd(change.Job.Id, 0) && completed.Count == jobs.Count)
            {
                all.TrySetResult();
            }
        });

        foreach (var job in jobs)
        {
            for (var i = 1; i <= 100; i++)
            {
                await feed.PublishAsync(Change(job, JobStatus.Processing, i), default);
            }

            await feed.PublishAsync(Change(job, JobStatus.Completed, 101), default);
        }

        gate.SetResult();
        await all.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(jobs.Count, completed.Count);
    }

    internal static JobDto Job(JobStatus status) => new(
        Guid.NewGuid(), JobType.AiPreview, status, JsonSerializer.SerializeToElement(new { userPrompt = "x" }), null, null, 1, 3, 0, null,
        "user-1", DateTime.UtcNow, DateTime.UtcNow, null, DateTime.UtcNow, null);

    internal static JobStatusChanged Change(JobDto job, JobStatus status, int step) =>
        new(job with { Status = status, Progress = Math.Min(step % 100, 99), UpdatedAt = job.UpdatedAt.AddTicks(step) }, JobStatus.Processing);
}

/// <summary>In the app, with the database behind the feed: a subscriber that lost the last change of a job re-reads its row.</summary>
public sealed class JobStatusFeedResyncTests : IDisposable
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ScriptedJobHandler _handler;
    private readonly RiskIntelAppFactory _app;

    public JobStatusFeedResyncTests()
    {
        _handler = new ScriptedJobHandler(JobType.AiPreview).WaitFor(_release.Task);
        _app = new RiskIntelAppFactory().WithServices(s => s.AddSingleton<IJobHandler>(_handler));
    }

    [Fact]
    public async Task Feed_SubscriberThatLostTheLastChange_GetsTheCurrentRowOnceItCatchesUp()
    {
        using var admin = await _app.AdminAsync();
        var id = await RiskIntel.Tests.App.Endpoints.Jobs.JobsEndpointsTests.SubmitPreviewAsync(admin, $"resync {Guid.NewGuid():N}");
        await _app.WaitForAsync(id, JobStatus.Processing);
        var row = (await _app.Services.GetRequiredService<JobService>().GetAsync(id, null, default))!;
        var feed = _app.Services.GetRequiredService<JobStatusFeed>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = new TaskCompletionSource<JobStatusChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = 0;
        using var subscription = feed.SubscribeJob(id, async change =>
        {
            await gate.Task;
            if (Interlocked.Increment(ref received) > 1 && change.Job.UpdatedAt == row.UpdatedAt)
            {
                current.TrySetResult(change);
            }
        });

        // Changes that never happened to the row, far more than a queue holds; the last ones are dropped.
        for (var i = 1; i <= 2_000; i++)
        {
            await feed.PublishAsync(JobStatusFeedTests.Change(row, JobStatus.Processing, i), default);
        }

        gate.SetResult();
        var resync = await current.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobStatus.Processing, resync.Job.Status);
        Assert.InRange(received, 2, 256 + 3);
    }

    public void Dispose()
    {
        _release.TrySetResult();
        _app.Dispose();
    }
}
