using System.Collections.Concurrent;

namespace RiskIntel.App.Components.Jobs;

/// <summary>
/// The jobs a view of this circuit follows one by one (a job page, a prompt preview): the person is watching them,
/// so their completion needs no snackbar. Scoped: one per circuit.
/// </summary>
internal sealed class JobsOnScreen
{
    private readonly ConcurrentDictionary<Guid, int> _shown = new();

    public bool Contains(Guid jobId) => _shown.ContainsKey(jobId);

    /// <summary>Marks the job as shown until the returned handle is disposed.</summary>
    public IDisposable Show(Guid jobId)
    {
        _shown.AddOrUpdate(jobId, 1, (_, count) => count + 1);
        return new Shown(this, jobId);
    }

    private void Hide(Guid jobId)
    {
        if (_shown.AddOrUpdate(jobId, 0, (_, count) => count - 1) <= 0)
        {
            _shown.TryRemove(KeyValuePair.Create(jobId, 0));
        }
    }

    private sealed class Shown(JobsOnScreen owner, Guid jobId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Hide(jobId);
            }
        }
    }
}
