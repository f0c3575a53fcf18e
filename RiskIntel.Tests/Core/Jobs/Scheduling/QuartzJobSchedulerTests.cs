using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Scheduling;

namespace RiskIntel.Tests.Core.Jobs.Scheduling;

/// <summary>What a node remembers of the runs it scheduled: all until they fire alone, a bounded window when clustered.</summary>
public sealed class QuartzJobSchedulerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddQuartz(q => q.UseDefaultThreadPool(1)).BuildServiceProvider();

    private ISchedulerFactory Factory => _services.GetRequiredService<ISchedulerFactory>();

    public async Task InitializeAsync()
    {
        // Not started: triggers are stored and never fire, as on a node whose runs another node takes.
        var scheduler = await Factory.GetScheduler();
        await scheduler.AddJob(JobBuilder.Create<RunJobQuartzJob>().WithIdentity(RunJobQuartzJob.Key).StoreDurably().Build(), AddJobOptions.Replacing);
    }

    public async Task DisposeAsync()
    {
        await (await Factory.GetScheduler()).Shutdown();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task ScheduleAsync_ClusteredRunsFiredElsewhere_AreForgottenAfterAnHour()
    {
        var scheduler = Scheduler(JobSchedulerMode.Clustered);
        var old = await ScheduleAsync(scheduler, 4096);
        _clock.Advance(TimeSpan.FromHours(2));

        var recent = await ScheduleAsync(scheduler, 4096);

        Assert.Equal(4096, scheduler.RememberedCount);
        Assert.False(scheduler.IsScheduled(old[0]));
        Assert.True(scheduler.IsScheduled(recent[^1]));
    }

    [Fact]
    public async Task ScheduleAsync_InMemory_RemembersARunUntilItFires()
    {
        var scheduler = Scheduler(JobSchedulerMode.InMemory);
        var ids = await ScheduleAsync(scheduler, 2);
        _clock.Advance(TimeSpan.FromHours(2));

        scheduler.MarkFired(ids[0]);

        Assert.False(scheduler.IsScheduled(ids[0]));
        Assert.True(scheduler.IsScheduled(ids[1]));
    }

    private QuartzJobScheduler Scheduler(JobSchedulerMode mode) =>
        new(Factory, Options.Create(new JobsOptions { Scheduler = mode }), _clock);

    private static async Task<Guid[]> ScheduleAsync(QuartzJobScheduler scheduler, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids)
        {
            await scheduler.ScheduleAsync(id, RiskIntel.Core.Jobs.JobType.AiPreview, null, default);
        }

        return ids;
    }
}
