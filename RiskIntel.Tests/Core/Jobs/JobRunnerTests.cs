using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Jobs;

public sealed class JobRunnerTests
{
    private sealed class Throttled() : ClassifiedException("ThrottlingException", "Too many requests", isRetryable: true);

    [Fact]
    public async Task Run_HandlerSucceeds_CompletesWithResultAfterOneAttempt()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var job = await engine.SubmitAsync();

        await engine.Runner.RunAsync(job.Id, default);

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Completed, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(100, stored.Progress);
        Assert.Contains("\"attempt\":1", stored.Result, StringComparison.Ordinal);
        Assert.Equal(engine.Clock.GetUtcNow().UtcDateTime, stored.CompletedAt);
        Assert.Equal(
            [JobStatus.Pending, JobStatus.Processing, JobStatus.Completed],
            (await engine.EventsAsync(job.Id)).Select(e => e.To));
    }

    [Fact]
    public async Task Run_RetryableFailure_GoesBackToPendingWithBackoffAndSchedulesTheRetry()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview).Throw(new Throttled());
        using var engine = new JobEngineHarness(handler);
        var job = await engine.SubmitAsync();
        var now = engine.Clock.GetUtcNow().UtcDateTime;

        await engine.Runner.RunAsync(job.Id, default);

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Pending, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal("ThrottlingException: Too many requests", stored.Error);
        Assert.InRange(stored.NextAttemptAt!.Value, now.AddSeconds(1.6), now.AddSeconds(2.4));
        Assert.Contains(engine.Scheduler.Scheduled, s => s.JobId == job.Id && s.RunAt == stored.NextAttemptAt);
    }

    [Fact]
    public async Task Run_TriggeredBeforeTheRetryIsDue_DoesNotRunAndReschedules()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview).Throw(new Throttled());
        using var engine = new JobEngineHarness(handler);
        var job = await engine.SubmitAsync();
        await engine.Runner.RunAsync(job.Id, default);

        await engine.Runner.RunAsync(job.Id, default);

        Assert.Equal(1, handler.Executions[job.Id]);
        Assert.Equal(JobStatus.Pending, (await engine.LoadAsync(job.Id)).Status);
    }

    [Fact]
    public async Task Run_BackoffGrowsExponentiallyAndTheLastAttemptFails()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview).Throw(new Throttled()).Throw(new Throttled()).Throw(new Throttled());
        using var engine = new JobEngineHarness(handler);
        var job = await engine.SubmitAsync();
        var delays = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var before = engine.Clock.GetUtcNow().UtcDateTime;
            await engine.Runner.RunAsync(job.Id, default);
            var stored = await engine.LoadAsync(job.Id);
            if (stored.NextAttemptAt is { } next)
            {
                delays.Add(next - before);
                engine.Clock.SetUtcNow(next);
            }
        }

        var final = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Failed, final.Status);
        Assert.Equal(3, final.Attempts);
        Assert.Equal("ThrottlingException: Too many requests", final.Error);
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0].TotalSeconds, 1.6, 2.4);
        Assert.InRange(delays[1].TotalSeconds, 3.2, 4.8);
    }

    [Theory]
    [InlineData("validation")]
    [InlineData("access")]
    [InlineData("notfound")]
    public async Task Run_NonRetryableFailure_FailsAtOnceWithItsKind(string which)
    {
        Exception error = which switch
        {
            "validation" => new InputValidationException("unknown variable {{region}}"),
            "access" => new UnauthorizedAccessException("no access to the model"),
            _ => new ResourceNotFoundException("document 7 does not exist"),
        };
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview).Throw(error));
        var job = await engine.SubmitAsync();

        await engine.Runner.RunAsync(job.Id, default);

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Equal(1, stored.Attempts);
        var expectedKind = which switch
        {
            "validation" => "ValidationException: ",
            "access" => "AccessDeniedException: ",
            _ => "ResourceNotFoundException: ",
        };
        Assert.StartsWith(expectedKind, stored.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(engine.Scheduler.Scheduled, s => s.RunAt is not null);
    }

    [Fact]
    public async Task Run_TriggeredTwiceAtOnce_RunsTheHandlerOnce()
    {
        var gate = new TaskCompletionSource();
        var handler = new ScriptedJobHandler(JobType.AiPreview).WaitFor(gate.Task);
        using var engine = new JobEngineHarness(handler);
        var job = await engine.SubmitAsync();

        var first = engine.Runner.RunAsync(job.Id, default);
        var second = engine.Runner.RunAsync(job.Id, default);
        await handler.Started.Task;
        await second.WaitAsync(TimeSpan.FromSeconds(30));
        gate.SetResult();
        await first;
        await engine.Runner.RunAsync(job.Id, default);

        Assert.Equal(1, handler.Executions[job.Id]);
        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Completed, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Single(await engine.EventsAsync(job.Id), e => e.To == JobStatus.Completed);
    }

    [Fact]
    public async Task Cancel_PendingJob_IsCancelledAtOnceAndNeverRuns()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview);
        using var engine = new JobEngineHarness(handler);
        var job = await engine.SubmitAsync();

        var result = await engine.Jobs.CancelAsync(job.Id, "user-1", default);
        await engine.Runner.RunAsync(job.Id, default);

        Assert.Equal(CancelOutcome.Accepted, result.Outcome);
        Assert.Equal(JobStatus.Cancelled, result.Job!.Status);
        Assert.False(handler.Executions.ContainsKey(job.Id));
    }

    [Fact]
    public async Task Cancel_RunningJob_SignalsItsTokenAndEndsCancelled()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview).BlockUntilCancelled();
        using var engine = new JobEngineHarness(handler);
        var job = await engine.SubmitAsync();
        var run = engine.Runner.RunAsync(job.Id, default);
        await handler.Started.Task;

        var result = await engine.Jobs.CancelAsync(job.Id, "user-1", default);
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CancelOutcome.Accepted, result.Outcome);
        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Cancelled, stored.Status);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task Cancel_FinishedJob_AnswersAlreadyFinished()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var job = await engine.SubmitAsync();
        await engine.Runner.RunAsync(job.Id, default);

        var result = await engine.Jobs.CancelAsync(job.Id, "user-1", default);

        Assert.Equal(CancelOutcome.AlreadyFinished, result.Outcome);
        Assert.Equal(JobStatus.Completed, (await engine.LoadAsync(job.Id)).Status);
    }

    [Fact]
    public async Task Cancel_AnotherUsersJob_IsNotFound()
    {
        using var engine = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview));
        var job = await engine.SubmitAsync(user: "owner");

        var result = await engine.Jobs.CancelAsync(job.Id, "someone-else", default);

        Assert.Equal(CancelOutcome.NotFound, result.Outcome);
        Assert.Equal(JobStatus.Pending, (await engine.LoadAsync(job.Id)).Status);
    }

    [Fact]
    public async Task Cancel_RequestedOnAnotherNode_ReachesTheRunningAttemptAtTheNextHeartbeat()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview).BlockUntilCancelled();
        using var engine = new JobEngineHarness(handler);
        var job = await engine.SubmitAsync();
        var run = engine.Runner.RunAsync(job.Id, default);
        await handler.Started.Task;

        // Another node's JobService only sets the flag: this node holds no token of that job.
        var otherNode = engine.NewJobService();
        Assert.Equal(CancelOutcome.Accepted, (await otherNode.CancelAsync(job.Id, "user-1", default)).Outcome);
        engine.Clock.Advance(engine.Options.Value.LeaseDuration / 2);
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobStatus.Cancelled, (await engine.LoadAsync(job.Id)).Status);
    }

    [Fact]
    public async Task Run_LeaseTakenOverByAnotherNode_StopsTheAttemptAndRecordsNothing()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview).BlockUntilCancelled();
        using var engine = new JobEngineHarness(handler);
        var job = await engine.SubmitAsync();
        var run = engine.Runner.RunAsync(job.Id, default);
        await handler.Started.Task;

        await using (var db = engine.Db.CreateDbContext())
        {
            await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, "node-b/other"));
        }

        engine.Clock.Advance(engine.Options.Value.LeaseDuration / 2);
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Processing, stored.Status);
        Assert.Equal("node-b/other", stored.LeaseOwner);
        Assert.DoesNotContain(await engine.EventsAsync(job.Id), e => e.To is JobStatus.Cancelled or JobStatus.Failed or JobStatus.Pending && e.From == JobStatus.Processing);
    }

    [Fact]
    public async Task Run_AttemptOutlivesItsTimeout_FailsAsRetryableTimeout()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview).BlockUntilCancelled();
        using var engine = new JobEngineHarness(handler, o => o.AttemptTimeout = TimeSpan.FromMinutes(1));
        var job = await engine.SubmitAsync();
        var run = engine.Runner.RunAsync(job.Id, default);
        await handler.Started.Task;

        engine.Clock.Advance(TimeSpan.FromMinutes(2));
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Pending, stored.Status);
        Assert.StartsWith("TimeoutException: ", stored.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HostStopsDuringAnAttempt_HandsTheJobBackWithoutCountingIt()
    {
        var handler = new ScriptedJobHandler(JobType.AiPreview).BlockUntilCancelled();
        using var engine = new JobEngineHarness(handler);
        var job = await engine.SubmitAsync();
        using var stopping = new CancellationTokenSource();
        var run = engine.Runner.RunAsync(job.Id, stopping.Token);
        await handler.Started.Task;

        await stopping.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
        Assert.Null(stored.LeaseOwner);
    }

    [Fact]
    public async Task Run_ProgressReports_AreStoredAndPublished()
    {
        using var engine = new JobEngineHarness(new ProgressHandler());
        var job = await engine.SubmitAsync();

        await engine.Runner.RunAsync(job.Id, default);

        Assert.Contains(engine.Notifications.Changes, c => c.Job.Progress == 40 && c.Job.ProgressMessage == "halfway");
        Assert.Equal(
            [JobStatus.Pending, JobStatus.Processing, JobStatus.Processing, JobStatus.Completed],
            engine.Notifications.Changes.Where(c => c.Job.Id == job.Id).Select(c => c.Job.Status));
    }

    private sealed class ProgressHandler : RiskIntel.Core.Jobs.Execution.IJobHandler
    {
        public JobType Type => JobType.AiPreview;

        public async Task<object> ExecuteAsync(RiskIntel.Core.Jobs.Execution.JobAttempt context, CancellationToken cancellationToken)
        {
            await context.ReportProgressAsync(40, "halfway", cancellationToken);
            return new { ok = true };
        }
    }
}
