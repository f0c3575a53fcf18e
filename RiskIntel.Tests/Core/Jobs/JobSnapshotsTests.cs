using RiskIntel.Core.Errors;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Jobs;

public sealed class JobSnapshotsTests
{
    private sealed class Throttled() : ClassifiedException("ThrottlingException", "Too many requests", isRetryable: true);

    [Fact]
    public async Task Get_UnchangedJob_IsServedFromTheCacheUntilItIsInvalidated()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var snapshots = new JobSnapshots(engine.Store, engine.Clock);
        var job = await engine.SubmitAsync();
        var pending = await snapshots.GetAsync(job.Id, "user-1", default);

        await engine.Runner.RunAsync(job.Id, default);
        var cached = await snapshots.GetAsync(job.Id, "user-1", default);
        snapshots.Invalidate(job.Id);
        var fresh = await snapshots.GetAsync(job.Id, "user-1", default);

        Assert.Same(pending, cached);
        Assert.False(pending!.IsTerminal);
        Assert.True(fresh!.IsTerminal);
        Assert.NotEqual(pending.ETag, fresh.ETag);
        Assert.Contains("\"status\":\"COMPLETED\"", System.Text.Encoding.UTF8.GetString(fresh.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterTheTimeToLive_ReadsTheStoreAgainEvenWithoutAnInvalidation()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var snapshots = new JobSnapshots(engine.Store, engine.Clock);
        var job = await engine.SubmitAsync();
        await snapshots.GetAsync(job.Id, null, default);
        await engine.Runner.RunAsync(job.Id, default);

        engine.Clock.Advance(JobSnapshots.TimeToLive + TimeSpan.FromMilliseconds(1));

        Assert.True((await snapshots.GetAsync(job.Id, null, default))!.IsTerminal);
    }

    [Fact]
    public async Task Get_SomeoneElsesJob_IsNullLikeAnUnknownOne()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var snapshots = new JobSnapshots(engine.Store, engine.Clock);
        var job = await engine.SubmitAsync(user: "owner");

        Assert.NotNull(await snapshots.GetAsync(job.Id, "owner", default));
        Assert.Null(await snapshots.GetAsync(job.Id, "intruder", default));
        Assert.Null(await snapshots.GetAsync(Guid.NewGuid(), "owner", default));
    }

    [Fact]
    public async Task RetryAfter_IsOneSecondWhilePendingAndTheBackoffWhileWaitingForARetry()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview).Throw(new Throttled());
        using var engine = new JobEngineHarness(handler);
        var snapshots = new JobSnapshots(engine.Store, engine.Clock);
        var job = await engine.SubmitAsync();
        var pending = await snapshots.GetAsync(job.Id, null, default);

        await engine.Runner.RunAsync(job.Id, default);
        snapshots.Invalidate(job.Id);
        var waiting = await snapshots.GetAsync(job.Id, null, default);

        Assert.Equal(1, pending!.RetryAfterSeconds);
        Assert.InRange(waiting!.RetryAfterSeconds!.Value, 2, 3);
    }
}
