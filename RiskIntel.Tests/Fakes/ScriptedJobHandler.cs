using System.Collections.Concurrent;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Tests.Fakes;

/// <summary>
/// A job handler for tests: each call takes the next scripted step (throw an exception, wait on a gate,
/// or succeed) and counts executions per job.
/// </summary>
public sealed class ScriptedJobHandler(JobType type) : IJobHandler
{
    private readonly ConcurrentQueue<Func<JobAttempt, CancellationToken, Task<object>>> _steps = new();

    public JobType Type { get; } = type;

    public ConcurrentDictionary<Guid, int> Executions { get; } = new();

    /// <summary>Completed the first time an execution begins.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScriptedJobHandler Throw(Exception exception)
    {
        _steps.Enqueue((_, _) => Task.FromException<object>(exception));
        return this;
    }

    public ScriptedJobHandler Return(object result)
    {
        _steps.Enqueue((_, _) => Task.FromResult(result));
        return this;
    }

    public ScriptedJobHandler WaitFor(Task gate)
    {
        _steps.Enqueue(async (_, ct) =>
        {
            await gate.WaitAsync(ct);
            return new { done = true };
        });
        return this;
    }

    public ScriptedJobHandler BlockUntilCancelled()
    {
        _steps.Enqueue(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new { done = true };
        });
        return this;
    }

    public async Task<object> ExecuteAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        Executions.AddOrUpdate(attempt.JobId, 1, (_, n) => n + 1);
        Started.TrySetResult();
        if (_steps.TryDequeue(out var step))
        {
            return await step(attempt, cancellationToken);
        }

        return new { echo = attempt.InputJson, attempt = attempt.Attempt };
    }
}
