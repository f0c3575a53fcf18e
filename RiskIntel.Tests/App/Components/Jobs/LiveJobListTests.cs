using System.Text.Json;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.Tests.App.Components.Jobs;

public sealed class LiveJobListTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Apply_KnownJob_ReplacesTheRow_StaleChangesAreIgnored()
    {
        var job = Job(minute: 1);
        var list = Loaded(new JobListQuery(), null, job);

        Assert.True(list.Apply(Change(job with { Status = JobStatus.Completed, UpdatedAt = job.UpdatedAt.AddSeconds(2) })));
        Assert.False(list.Apply(Change(job with { Status = JobStatus.Processing, UpdatedAt = job.UpdatedAt.AddSeconds(1) })));

        Assert.Equal(JobStatus.Completed, Assert.Single(list.Items).Status);
    }

    [Fact]
    public void Apply_NewJob_IsInsertedNewestFirst_UnlessItBelongsToAPageNotLoaded()
    {
        var list = Loaded(new JobListQuery(), "cursor", Job(minute: 5), Job(minute: 3));

        Assert.True(list.Apply(Change(Job(minute: 9))));
        Assert.True(list.Apply(Change(Job(minute: 4))));
        Assert.False(list.Apply(Change(Job(minute: 1))));

        Assert.Equal([9, 5, 4, 3], list.Items.Select(j => j.CreatedAt.Minute));
    }

    [Fact]
    public void Apply_JobLeavingTheFilter_IsRemoved()
    {
        var job = Job(minute: 1);
        var list = Loaded(new JobListQuery(Status: JobStatus.Pending), null, job);

        Assert.True(list.Apply(Change(job with { Status = JobStatus.Processing, UpdatedAt = job.UpdatedAt.AddSeconds(1) })));

        Assert.Empty(list.Items);
    }

    [Fact]
    public void Apply_DuringAReload_IsReplayedOnTheNewPage()
    {
        var job = Job(minute: 1);
        var list = new LiveJobList();
        list.BeginLoad();
        list.Apply(Change(job with { Status = JobStatus.Completed, UpdatedAt = job.UpdatedAt.AddSeconds(1) }));

        list.Reset(new JobListQuery(), new JobPage([job], null));

        Assert.Equal(JobStatus.Completed, Assert.Single(list.Items).Status);
    }

    [Fact]
    public void TrimToLimit_KeepsTheNewestRows()
    {
        var list = new LiveJobList { TrimToLimit = true };
        list.Reset(new JobListQuery(Limit: 2), new JobPage([Job(minute: 2), Job(minute: 1)], null));

        list.Apply(Change(Job(minute: 3)));

        Assert.Equal([3, 2], list.Items.Select(j => j.CreatedAt.Minute));
    }

    private static LiveJobList Loaded(JobListQuery query, string? nextCursor, params JobDto[] jobs)
    {
        var list = new LiveJobList();
        list.Reset(query, new JobPage(jobs, nextCursor));
        return list;
    }

    private static JobStatusChanged Change(JobDto job) => new(job, null);

    private static JobDto Job(int minute)
    {
        var at = Start.AddMinutes(minute);
        return new JobDto(Guid.NewGuid(), JobType.AiPreview, JobStatus.Pending, JsonDocument.Parse("{}").RootElement, null, null,
            0, 3, 0, null, "user-1", at, null, null, at, null);
    }
}
