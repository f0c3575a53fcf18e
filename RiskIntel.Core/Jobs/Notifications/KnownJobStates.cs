using System.Collections.Concurrent;

namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>
/// The newest state of each job that this node's feed has carried, bounded (cleared when full): lets a catch-up
/// skip rows the feed already delivered and tell a real transition from a repeat.
/// </summary>
internal sealed class KnownJobStates(int capacity)
{
    private readonly ConcurrentDictionary<Guid, (DateTime UpdatedAt, JobStatus Status)> _states = new();

    public void Record(JobDto job)
    {
        if (_states.Count >= capacity)
        {
            _states.Clear();
        }

        _states.AddOrUpdate(job.Id, (job.UpdatedAt, job.Status), (_, known) => known.UpdatedAt > job.UpdatedAt ? known : (job.UpdatedAt, job.Status));
    }

    public (DateTime UpdatedAt, JobStatus Status)? Get(Guid jobId) => _states.TryGetValue(jobId, out var known) ? known : null;
}
