using System.Text.Json.Nodes;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Jobs;

public sealed class JobServiceTests
{
    [Fact]
    public async Task Submit_StoresPendingJobSchedulesItAtOnceAndLogsTheEvent()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));

        var job = await engine.SubmitAsync();

        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Equal(3, job.MaxAttempts);
        Assert.Equal(0, job.Attempts);
        Assert.Contains(engine.Scheduler.Scheduled, s => s.JobId == job.Id && s.RunAt is null);
        Assert.Single(await engine.EventsAsync(job.Id));
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyAndBody_ReturnsTheSameJob()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var input = new JsonObject { ["userPrompt"] = "hello" };

        var first = await engine.Jobs.SubmitAsync(new(JobType.AiPreview, input, "u", "key-1"), default);
        await engine.Runner.RunAsync(first.Job.Id, default);
        var second = await engine.Jobs.SubmitAsync(new(JobType.AiPreview, (JsonObject)input.DeepClone(), "u", "key-1"), default);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Job.Id, second.Job.Id);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyWithAnotherBody_IsAConflict()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        await engine.Jobs.SubmitAsync(new(JobType.AiPreview, new JsonObject { ["userPrompt"] = "a" }, "u", "key-1"), default);

        await Assert.ThrowsAsync<IdempotencyConflictException>(() =>
            engine.Jobs.SubmitAsync(new(JobType.AiPreview, new JsonObject { ["userPrompt"] = "b" }, "u", "key-1"), default));
    }

    [Fact]
    public async Task Submit_SameKeyByAnotherUser_IsAnotherJob()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var input = new JsonObject { ["userPrompt"] = "a" };

        var mine = await engine.Jobs.SubmitAsync(new(JobType.AiPreview, input, "u1", "key-1"), default);
        var theirs = await engine.Jobs.SubmitAsync(new(JobType.AiPreview, (JsonObject)input.DeepClone(), "u2", "key-1"), default);

        Assert.NotEqual(mine.Job.Id, theirs.Job.Id);
    }

    [Fact]
    public async Task Submit_IdenticalWhileInFlight_ReturnsTheExistingJobButNotOnceFinished()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var input = new JsonObject { ["userPrompt"] = "same" };

        var first = await engine.Jobs.SubmitAsync(new(JobType.AiPreview, input, "u"), default);
        var duplicate = await engine.Jobs.SubmitAsync(new(JobType.AiPreview, (JsonObject)input.DeepClone(), "u"), default);
        await engine.Runner.RunAsync(first.Job.Id, default);
        var afterwards = await engine.Jobs.SubmitAsync(new(JobType.AiPreview, (JsonObject)input.DeepClone(), "u"), default);

        Assert.Equal(first.Job.Id, duplicate.Job.Id);
        Assert.NotEqual(first.Job.Id, afterwards.Job.Id);
    }

    [Fact]
    public async Task List_PagesNewestFirstWithACursorAndFilters()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await engine.SubmitAsync()).Id);
            engine.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await engine.SubmitAsync(user: "someone-else");
        await engine.Runner.RunAsync(ids[0], default);

        var page1 = await engine.Jobs.ListAsync("user-1", new JobListQuery(Limit: 2), default);
        var page2 = await engine.Jobs.ListAsync("user-1", new JobListQuery(Cursor: page1.NextCursor, Limit: 2), default);
        var page3 = await engine.Jobs.ListAsync("user-1", new JobListQuery(Cursor: page2.NextCursor, Limit: 2), default);
        var completed = await engine.Jobs.ListAsync("user-1", new JobListQuery(Status: JobStatus.Completed), default);

        Assert.Equal([ids[4], ids[3]], page1.Items.Select(j => j.Id));
        Assert.Equal([ids[2], ids[1]], page2.Items.Select(j => j.Id));
        Assert.Equal([ids[0]], page3.Items.Select(j => j.Id));
        Assert.Null(page3.NextCursor);
        Assert.Equal([ids[0]], completed.Items.Select(j => j.Id));
    }

    [Fact]
    public async Task List_JobsCreatedAtTheSameInstant_PageWithoutRepeatsOrGaps()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await engine.SubmitAsync()).Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await engine.Jobs.ListAsync("user-1", new JobListQuery(Cursor: cursor, Limit: 2), default);
            seen.AddRange(page.Items.Select(j => j.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(ids.Count, seen.Count);
        Assert.Equal(ids.ToHashSet(), seen.ToHashSet());
    }
}
