namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>
/// One feed subscriber's bounded queue and its drop policy. When it is full, a new intermediate change is
/// dropped; a terminal change always gets in, displacing the oldest intermediate one (or, if the queue holds
/// nothing but terminal changes, the oldest of those). Each job that lost a change is remembered until a newer
/// change of it is taken, so that the subscriber can re-read its row once it has caught up.
/// </summary>
internal sealed class SubscriberQueue(int capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(long Sequence, JobStatusChanged Change)> _items = new();
    private readonly Dictionary<Guid, long> _missed = [];
    private long _sequence;

    /// <summary>Jobs remembered as missed at most; beyond that the oldest are forgotten (memory stays bounded).</summary>
    public int MissedCapacity { get; } = capacity * 4;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Queues the change; false when the queue was full and a change (this one or an older one) was dropped.</summary>
    public bool Enqueue(JobStatusChanged change)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            if (_items.Count < capacity)
            {
                _items.AddLast((sequence, change));
                return true;
            }

            if (!change.Job.IsTerminal)
            {
                Miss(change.Job.Id, sequence);
                return false;
            }

            var victim = FirstIntermediate() ?? _items.First!;
            Miss(victim.Value.Change.Job.Id, victim.Value.Sequence);
            _items.Remove(victim);
            _items.AddLast((sequence, change));
            return false;
        }
    }

    public bool TryDequeue(out JobStatusChanged change)
    {
        lock (_gate)
        {
            if (_items.First is not { } first)
            {
                change = null!;
                return false;
            }

            _items.RemoveFirst();
            change = first.Value.Change;
            if (_missed.TryGetValue(change.Job.Id, out var lost) && first.Value.Sequence > lost)
            {
                // A change newer than every lost one: the subscriber is current on this job again.
                _missed.Remove(change.Job.Id);
            }

            return true;
        }
    }

    /// <summary>Once the queue is empty: the jobs whose latest change the subscriber never saw (then forgotten).</summary>
    public IReadOnlyList<Guid> TakeMissed()
    {
        lock (_gate)
        {
            if (_items.Count > 0 || _missed.Count == 0)
            {
                return [];
            }

            var missed = _missed.OrderBy(m => m.Value).Select(m => m.Key).ToList();
            _missed.Clear();
            return missed;
        }
    }

    private void Miss(Guid jobId, long sequence)
    {
        _missed[jobId] = Math.Max(sequence, _missed.GetValueOrDefault(jobId));
        if (_missed.Count > MissedCapacity)
        {
            _missed.Remove(_missed.MinBy(m => m.Value).Key);
        }
    }

    private LinkedListNode<(long Sequence, JobStatusChanged Change)>? FirstIntermediate()
    {
        for (var node = _items.First; node is not null; node = node.Next)
        {
            if (!node.Value.Change.Job.IsTerminal)
            {
                return node;
            }
        }

        return null;
    }
}
