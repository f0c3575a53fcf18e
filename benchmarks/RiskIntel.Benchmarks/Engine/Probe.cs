using System.Diagnostics;

namespace RiskIntel.Benchmarks.Engine;

/// <summary>When each job of a run was submitted, started and finished, as the engine under test reports it.</summary>
internal sealed class Probe
{
    private long[] _submitted = [];
    private long[] _started = [];
    private long[] _finished = [];
    private int _done;
    private int _count;
    private TaskCompletionSource _all = new();

    public void Reset(int count)
    {
        _submitted = new long[count];
        _started = new long[count];
        _finished = new long[count];
        _done = 0;
        _count = count;
        _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Submitted(int index) => _submitted[index] = Stopwatch.GetTimestamp();

    public void Started(int index)
    {
        if ((uint)index < (uint)_count)
        {
            Interlocked.CompareExchange(ref _started[index], Stopwatch.GetTimestamp(), 0);
        }
    }

    public void Finished(int index)
    {
        if ((uint)index < (uint)_count && Interlocked.CompareExchange(ref _finished[index], Stopwatch.GetTimestamp(), 0) == 0
            && Interlocked.Increment(ref _done) == _count)
        {
            _all.TrySetResult();
        }
    }

    public Task AllFinished(TimeSpan timeout) => _all.Task.WaitAsync(timeout);

    public long FirstSubmitted => _submitted.Min();

    public long LastFinished => _finished.Max();

    /// <summary>Submit (before the durable write) to start, in milliseconds; a submission still in flight when the job started counts from its start.</summary>
    public double[] StartLatencies() =>
        [.. Enumerable.Range(0, _count).Select(i => Stopwatch.GetElapsedTime(_submitted[i], Math.Max(_started[i], _submitted[i])).TotalMilliseconds)];
}

/// <summary>One engine under test, with a no-op durable job that reports to the probe when it starts and finishes.</summary>
internal interface IContender : IAsyncDisposable
{
    string Name { get; }

    Task StartAsync(Probe probe);

    /// <summary>Submits job <paramref name="index"/>; returns once the engine has made it durable.</summary>
    Task SubmitAsync(int index);

    /// <summary>Waits until what the probe saw finish is committed as finished in the store.</summary>
    Task DrainAsync();

    /// <summary>Store commits and statements the engine counts itself, where it can; null where the database must count.</summary>
    (long Commits, long Statements)? OwnCounters() => null;
}
