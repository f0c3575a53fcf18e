using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Jobs;

public sealed class JobRecoveryTests
{
    [Fact]
    public async Task Sweep_FirstRun_SchedulesEveryPendingJob()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var a = await engine.SubmitAsync();
        var b = await engine.SubmitAsync();
        while (engine.Scheduler.Scheduled.TryDequeue(out _))
        {
        }

        await engine.Recovery.SweepAsync(default);

        Assert.Equal([a.Id, b.Id], engine.Scheduler.Scheduled.Select(s => s.JobId).Order());
    }

    [Fact]
    public async Task Sweep_RunningJobOfAnEarlierProcessOfThisNode_IsRequeuedAtOnce()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var job = await engine.SubmitAsync();
        await MarkRunningAsync(engine, job.Id, owner: "node-a/0123456789abcdef", leaseFor: TimeSpan.FromMinutes(5));

        await engine.Recovery.SweepAsync(default);

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Pending, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Contains(engine.Scheduler.Scheduled, s => s.JobId == job.Id);
    }

    [Fact]
    public async Task Sweep_RunningJobOfAnotherLiveNode_IsLeftAloneUntilItsLeaseExpires()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var job = await engine.SubmitAsync();
        await MarkRunningAsync(engine, job.Id, owner: "node-b/feed", leaseFor: TimeSpan.FromSeconds(30));

        await engine.Recovery.SweepAsync(default);
        Assert.Equal(JobStatus.Processing, (await engine.LoadAsync(job.Id)).Status);

        engine.Clock.Advance(TimeSpan.FromSeconds(31));
        await engine.Recovery.SweepAsync(default);
        Assert.Equal(JobStatus.Pending, (await engine.LoadAsync(job.Id)).Status);
    }

    [Fact]
    public async Task Sweep_LostJobOnItsLastAttempt_FailsAsWorkerLost()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var job = await engine.SubmitAsync();
        await MarkRunningAsync(engine, job.Id, owner: "node-b/feed", leaseFor: TimeSpan.FromSeconds(-1), attempts: 3);

        await engine.Recovery.SweepAsync(default);

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.StartsWith("WorkerLostException: ", stored.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NodeLostItsLeaseMeanwhile_DoesNotRecordASecondOutcome()
    {
        var gate = new TaskCompletionSource();
        var handler = new ScriptedJobHandler(JobType.AiPreview).WaitFor(gate.Task);
        using var engine = new JobEngineHarness(handler);
        var job = await engine.SubmitAsync();
        var run = engine.Runner.RunAsync(job.Id, default);
        await handler.Started.Task;

        // Another node decides this one is gone (its lease ran out), requeues and completes the job.
        using var other = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview), nodeName: "node-b");
        await ExpireLeaseAsync(engine, job.Id);
        var recovery = engine.NewRecovery(other.Node, other.Options);
        await recovery.SweepAsync(default);
        var runner = engine.NewRunner(new ScriptedJobHandler(JobType.AiPreview), other.Node, other.Options);
        await runner.RunAsync(job.Id, default);
        gate.SetResult();
        await run;

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Completed, stored.Status);
        Assert.Equal(2, stored.Attempts);
        Assert.Single(await engine.EventsAsync(job.Id), e => e.To == JobStatus.Completed);
    }

    [Fact]
    public async Task Prune_RemovesOnlyFinishedJobsOlderThanRetention()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview), o => o.RetentionDays = 30);
        var old = await engine.SubmitAsync();
        await engine.Runner.RunAsync(old.Id, default);
        var stillPending = await engine.SubmitAsync();
        engine.Clock.Advance(TimeSpan.FromDays(31));
        var recent = await engine.SubmitAsync();
        await engine.Runner.RunAsync(recent.Id, default);

        var pruned = await engine.Retention.PruneAsync(default);

        Assert.Equal(1, pruned);
        await using var db = engine.Db.CreateDbContext();
        Assert.Equal(new[] { stillPending.Id, recent.Id }.Order(), (await db.Jobs.Select(j => j.Id).ToListAsync()).Order());
        Assert.False(await db.JobEvents.AnyAsync(e => e.JobId == old.Id));
    }

    private static async Task MarkRunningAsync(JobEngineHarness engine, Guid id, string owner, TimeSpan leaseFor, int attempts = 1)
    {
        var now = engine.Clock.GetUtcNow().UtcDateTime;
        await using var db = engine.Db.CreateDbContext();
        await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Processing)
            .SetProperty(j => j.Attempts, attempts)
            .SetProperty(j => j.LeaseOwner, owner)
            .SetProperty(j => j.LeaseExpiresAt, now + leaseFor));
    }

    private static async Task ExpireLeaseAsync(JobEngineHarness engine, Guid id)
    {
        var past = engine.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        await using var db = engine.Db.CreateDbContext();
        await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, past));
    }
}
