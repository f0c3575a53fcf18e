using System.Collections.Concurrent;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Jobs.Storage;

namespace RiskIntel.Core.Jobs;

/// <summary>
/// What <c>GET /api/jobs/{id}</c> answers, kept serialized per job until the job changes: a poll of an unchanged job
/// reads neither the database nor builds a DTO. Every committed change on this node invalidates its job before it
/// is published further (this is one of the publisher's notifiers); changes relayed from other nodes through the
/// feed do too, and an entry lives at most <see cref="TimeToLive"/>, which bounds staleness when no relay is set up.
/// </summary>
public sealed class JobSnapshots(IJobStore store, TimeProvider time) : IJobStatusNotifier
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(2);
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<Guid, JobSnapshot> _cache = new();

    // Bumped by every invalidation of a job in the stripe: a read that saw a bump does not keep what it read.
    private readonly int[] _stamps = new int[1024];

    /// <summary>The job as JSON, or null when it does not exist or (with a user) is not that user's.</summary>
    public async ValueTask<JobSnapshot?> GetAsync(Guid jobId, string? userId, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (!_cache.TryGetValue(jobId, out var snapshot) || now > snapshot.Expires)
        {
            var stripe = (int)((uint)jobId.GetHashCode() % _stamps.Length);
            var before = Volatile.Read(ref _stamps[stripe]);
            var job = await store.GetAsync(jobId, null, cancellationToken);
            if (job is null)
            {
                return null;
            }

            snapshot = JobSnapshot.Of(job.ToDto(), now + (long)(TimeToLive.TotalSeconds * time.TimestampFrequency));
            if (_cache.Count >= MaxEntries)
            {
                _cache.Clear();
            }

            _cache[jobId] = snapshot;
            if (Volatile.Read(ref _stamps[stripe]) != before)
            {
                _cache.TryRemove(jobId, out _);
            }
        }

        return userId is null || snapshot.CreatedById == userId ? snapshot : null;
    }

    public void Invalidate(Guid jobId)
    {
        Interlocked.Increment(ref _stamps[(uint)jobId.GetHashCode() % _stamps.Length]);
        _cache.TryRemove(jobId, out _);
    }

    public ValueTask PublishAsync(JobStatusChanged change, CancellationToken cancellationToken)
    {
        Invalidate(change.Job.Id);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A job serialized once: its JSON bytes, an entity tag that changes with every change, and what a poller should wait.</summary>
public sealed record JobSnapshot(byte[] Json, string ETag, string CreatedById, bool IsTerminal, int? RetryAfterSeconds, long Expires)
{
    public static JobSnapshot Of(JobDto job, long expires) => new(
        JobJson.Serialize(job),
        $"\"{job.UpdatedAt.Ticks:x}-{job.Attempts}-{job.Progress}-{(int)job.Status}\"",
        job.CreatedById,
        job.IsTerminal,
        job.IsTerminal ? null : RetryAfter(job),
        expires);

    // Running: look again in a second; waiting for a retry: when it is due.
    private static int RetryAfter(JobDto job) =>
        job.NextAttemptAt is { } next ? Math.Max(1, (int)Math.Ceiling((next - job.UpdatedAt).TotalSeconds)) : 1;
}
