using RiskIntel.Core.Errors;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Jobs;

/// <summary>The engine's guarantees on a real PostgreSQL server, through the Npgsql migration set.</summary>
public sealed class PostgresJobEngineTests
{
    private sealed class Unavailable() : ClassifiedException("ServiceUnavailableException", "down", isRetryable: true);

    [PostgresFact]
    public async Task Run_OnPostgres_CompletesRetriesAndLogsEveryTransition()
    {
        using var database = new PostgresTestDatabase();
        var handler = new ScriptedJobHandler(JobType.AiPreview).Throw(new Unavailable());
        using var engine = new JobEngineHarness(handler, database: database.CreateFactory());
        var job = await engine.SubmitAsync();

        await engine.Runner.RunAsync(job.Id, default);
        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        await engine.Runner.RunAsync(job.Id, default);

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Completed, stored.Status);
        Assert.Equal(2, stored.Attempts);
        Assert.Equal(
            [JobStatus.Pending, JobStatus.Processing, JobStatus.Pending, JobStatus.Processing, JobStatus.Completed],
            (await engine.EventsAsync(job.Id)).Select(e => e.To));
    }

    [PostgresFact]
    public async Task Run_ManyConcurrentTriggersOnPostgres_RunEachJobOnce()
    {
        using var database = new PostgresTestDatabase();
        var handler = new ScriptedJobHandler(JobType.AiPreview);
        using var engine = new JobEngineHarness(handler, database: database.CreateFactory());
        var jobs = new List<JobDto>();
        for (var i = 0; i < 10; i++)
        {
            jobs.Add(await engine.SubmitAsync());
        }

        await Task.WhenAll(jobs.SelectMany(j => Enumerable.Range(0, 4).Select(_ => Task.Run(() => engine.Runner.RunAsync(j.Id, default)))));

        Assert.All(jobs, j => Assert.Equal(1, handler.Executions[j.Id]));
        foreach (var job in jobs)
        {
            Assert.Single(await engine.EventsAsync(job.Id), e => e.To == JobStatus.Completed);
        }
    }

    [PostgresFact]
    public async Task Sweep_OnPostgres_RequeuesTheJobOfADeadProcess()
    {
        using var database = new PostgresTestDatabase();
        var gate = new TaskCompletionSource();
        var handler = new ScriptedJobHandler(JobType.AiPreview).WaitFor(gate.Task);
        using var first = new JobEngineHarness(handler, database: database.CreateFactory());
        var job = await first.SubmitAsync();
        var run = first.Runner.RunAsync(job.Id, default);
        await handler.Started.Task;

        // The same node restarts: its new process takes the job back without waiting for the lease.
        using var restarted = new JobEngineHarness(new ScriptedJobHandler(JobType.AiPreview), database: first.Db);
        await restarted.Recovery.SweepAsync(default);
        await restarted.Runner.RunAsync(job.Id, default);
        gate.SetResult();
        await run;

        var stored = await first.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Completed, stored.Status);
        Assert.Equal(2, stored.Attempts);
        Assert.Single(await first.EventsAsync(job.Id), e => e.To == JobStatus.Completed);
    }
}
