using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Jobs;

public sealed class JobCommitterTests
{
    [Fact]
    public async Task Complete_HandlerStagesTheNextStep_ChainedJobIsStoredScheduledAndPublishedWithTheOutcome()
    {
        var chain = new ChainingHandler(JobType.ParseDocument, JobType.GapDetection);
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.ParseDocument), completionHandlers: [chain]);
        var parse = await engine.SubmitAsync(JobType.ParseDocument);

        await engine.Runner.RunAsync(parse.Id, default);

        await using var db = engine.Db.CreateDbContext();
        var next = await db.Jobs.AsNoTracking().SingleAsync(j => j.Type == JobType.GapDetection);
        Assert.Equal(JobStatus.Completed, (await engine.LoadAsync(parse.Id)).Status);
        Assert.Equal(JobStatus.Pending, next.Status);
        Assert.Equal("user-1", next.CreatedById);
        Assert.Equal(parse.Id.ToString(), JsonNode.Parse(next.Input)!["after"]!.GetValue<string>());
        Assert.Contains(engine.Scheduler.Scheduled, s => s.JobId == next.Id);
        Assert.Contains(engine.Notifications.Changes, c => c.Job.Id == next.Id && c.Job.Status == JobStatus.Pending);
        Assert.Equal([JobStatus.Completed], chain.Seen);
    }

    [Fact]
    public async Task Complete_HandlerThrows_NothingItStagedIsKeptAndTheJobFailsWithTheReason()
    {
        var chain = new ChainingHandler(JobType.ParseDocument, JobType.GapDetection) { ThrowOn = JobStatus.Completed };
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.ParseDocument), completionHandlers: [chain]);
        var parse = await engine.SubmitAsync(JobType.ParseDocument);

        await engine.Runner.RunAsync(parse.Id, default);

        var stored = await engine.LoadAsync(parse.Id);
        await using var db = engine.Db.CreateDbContext();
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.StartsWith("PipelineException: the ParseDocument step ended as Completed", stored.Error, StringComparison.Ordinal);
        Assert.Contains("the assessment is gone", stored.Error, StringComparison.Ordinal);
        Assert.False(await db.Jobs.AnyAsync(j => j.Type == JobType.GapDetection));
        Assert.Equal([JobStatus.Completed, JobStatus.Failed], chain.Seen);
        Assert.Single(await engine.EventsAsync(parse.Id), e => e.To == JobStatus.Failed);
    }

    [Fact]
    public async Task Cancel_PendingJob_RunsTheHandlersOfItsTypeOnly()
    {
        var parseHandler = new ChainingHandler(JobType.ParseDocument, next: null);
        var gapHandler = new ChainingHandler(JobType.GapDetection, next: null);
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.ParseDocument), completionHandlers: [parseHandler, gapHandler]);
        var parse = await engine.SubmitAsync(JobType.ParseDocument);

        await engine.Jobs.CancelAsync(parse.Id, "user-1", default);

        Assert.Equal([JobStatus.Cancelled], parseHandler.Seen);
        Assert.Empty(gapHandler.Seen);
    }

    private sealed class ChainingHandler(JobType type, JobType? next) : IJobCompletionHandler
    {
        public List<JobStatus> Seen { get; } = [];

        public JobStatus? ThrowOn { get; init; }

        public bool Handles(JobType jobType) => jobType == type;

        public Task OnFinishedAsync(JobCompletion completion, CancellationToken cancellationToken)
        {
            Seen.Add(completion.Status);
            if (next is { } nextType && completion.Status == JobStatus.Completed)
            {
                completion.Enqueue(nextType, new JsonObject { ["after"] = completion.JobId.ToString() });
            }

            return completion.Status == ThrowOn
                ? throw new InvalidOperationException("the assessment is gone")
                : Task.CompletedTask;
        }
    }
}
