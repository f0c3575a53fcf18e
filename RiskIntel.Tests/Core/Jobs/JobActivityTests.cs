using RiskIntel.Core.Errors;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Jobs;

public sealed class JobActivityTests
{
    private sealed class Invalid() : ClassifiedException("ValidationException", "bad input", isRetryable: false);

    [Fact]
    public async Task Activity_PutsEachFinishedJobInTheSliceOfItsEnd_AndDropsWhatIsOlderThanAnHour()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview);
        using var engine = new JobEngineHarness(handler);
        var statistics = new JobStatistics(engine.Db, engine.Scheduler, engine.Options, engine.Clock);
        var tooOld = await engine.SubmitAsync();
        await engine.Runner.RunAsync(tooOld.Id, default);
        engine.Clock.Advance(TimeSpan.FromMinutes(70));
        var early = await engine.SubmitAsync();
        await engine.Runner.RunAsync(early.Id, default);
        engine.Clock.Advance(TimeSpan.FromMinutes(30));
        var failing = engine.NewRunner(new ScriptedJobHandler(JobType.AiPreview).Throw(new Invalid()), engine.Node, engine.Options);
        var failed = await engine.SubmitAsync();
        await failing.RunAsync(failed.Id, default);
        var late = await engine.SubmitAsync();
        await engine.Runner.RunAsync(late.Id, default);

        var activity = await statistics.GetActivityAsync(12, default);

        Assert.Equal(12, activity.Slices.Count);
        Assert.Equal(2, activity.Slices.Sum(s => s.Completed));
        Assert.Equal(1, activity.Slices.Sum(s => s.Failed));
        Assert.Equal(1, activity.Slices[^1].Completed);
        Assert.Equal(1, activity.Slices[^1].Failed);
        Assert.True(activity.Slices.Zip(activity.Slices.Skip(1)).All(p => p.First.Start < p.Second.Start));
    }
}
