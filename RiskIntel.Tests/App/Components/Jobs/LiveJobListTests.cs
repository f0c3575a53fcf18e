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
        var list = new LiveJobList(NoFetch);
        list.BeginLoad();
        list.Apply(Change(job with { Status = JobStatus.Completed, UpdatedAt = job.UpdatedAt.AddSeconds(1) }));

        list.Reset(new JobListQuery(), new JobPage([job], null));

        Assert.Equal(JobStatus.Completed, Assert.Single(list.Items).Status);
    }

    [Fact]
    public void TrimToLimit_KeepsTheNewestRows()
    {
        var list = new LiveJobList(NoFetch) { TrimToLimit = true };
        list.Reset(new JobListQuery(Limit: 2), new JobPage([Job(minute: 2), Job(minute: 1)], null));

        list.Apply(Change(Job(minute: 3)));

        Assert.Equal([3, 2], list.Items.Select(j => j.CreatedAt.Minute));
    }

    [Fact]
    public async Task LoadAsync_FetchesThroughItsOwnFunction_AndFiltersByOwnerAndError()
    {
        var mine = Job(minute: 2) with { CreatedById = "owner-1", Error = "TimeoutException: NetworkTimeout" };
        var fetched = new List<JobListQuery>();
        var list = new LiveJobList((query, _) =>
        {
            fetched.Add(query);
            return Task.FromResult(new JobPage([mine], "next"));
        });

        await list.LoadAsync(new JobListQuery(OwnerId: "owner-1", ErrorContains: "timeout", Cursor: "stale"), default);
        await list.LoadMoreAsync(default);

        Assert.Null(fetched[0].Cursor);
        Assert.Equal("next", fetched[1].Cursor);
        Assert.Equal("owner-1", fetched[1].OwnerId);
        Assert.False(list.Apply(Change(Job(minute: 3) with { CreatedById = "owner-2", Error = "TimeoutException: x" })));
        Assert.False(list.Apply(Change(Job(minute: 4) with { CreatedById = "owner-1", Error = null })));
        Assert.True(list.Apply(Change(Job(minute: 5) with { CreatedById = "owner-1", Error = "ThrottlingException: TIMEOUT soon" })));
        Assert.Equal(2, list.Items.Count);
    }

    private static Task<JobPage> NoFetch(JobListQuery query, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("These tests load pages by hand.");

    private static LiveJobList Loaded(JobListQuery query, string? nextCursor, params JobDto[] jobs)
    {
        var list = new LiveJobList(NoFetch);
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
