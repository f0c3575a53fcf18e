namespace RiskIntel.Core.Jobs.Storage;

/// <summary>
/// The job engine's hot path to the Jobs table: store a submission, claim a job and load it in one step, and
/// save a transition with its events. Every write is durable when its task completes, and each is guarded
/// the way EF's optimistic concurrency guards it (a claim only takes a due PENDING row, a save only an
/// unchanged version), so claims stay atomic and a job ends in exactly one terminal state.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Stores a new job and its first event; false, storing nothing, when the user already has the job's Idempotency-Key
    /// or (without a key) an identical job still in flight: <see cref="FindEquivalentAsync"/> then finds that one.
    /// </summary>
    Task<bool> InsertAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Takes the job if it is PENDING and due, starting an attempt under a lease; null when it is not claimable.</summary>
    Task<Job?> ClaimAsync(Guid jobId, string leaseOwner, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Saves the job's transition and the events and deliveries it added; false when the stored version is no longer <paramref name="expectedVersion"/>.</summary>
    Task<bool> SaveAsync(Job job, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>The job, untracked; with a user, only when that user created it.</summary>
    Task<Job?> GetAsync(Guid jobId, string? userId, CancellationToken cancellationToken);

    /// <summary>The user's job with this Idempotency-Key, or (without a key) an identical one still in flight.</summary>
    Task<Job?> FindEquivalentAsync(string userId, string? idempotencyKey, string requestHash, CancellationToken cancellationToken);
}
