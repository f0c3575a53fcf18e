using System.Collections.Concurrent;

namespace RiskIntel.Core.Jobs.Execution;

/// <summary>The attempts running in this process, so a cancel request can signal them at once.</summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    public int Count => _running.Count;

    public void Add(Guid jobId, CancellationTokenSource cancellation) => _running[jobId] = cancellation;

    public void Remove(Guid jobId) => _running.TryRemove(jobId, out _);

    public bool TryCancel(Guid jobId)
    {
        if (!_running.TryGetValue(jobId, out var cancellation))
        {
            return false;
        }

        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        return true;
    }
}
