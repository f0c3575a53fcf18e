using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Jobs.Notifications.Webhooks;
using RiskIntel.Core.Jobs.Storage;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs;

/// <summary>
/// The front door of the job engine, whatever the feature: submit (check, store the row, then schedule it),
/// read, list and cancel. Reads are scoped to the job's creator; pass <c>null</c> as user only for admin views.
/// Submitting and reading one job take the store's hot path; lists, events and cancels use EF Core.
/// </summary>
public sealed partial class JobService(
    IDbContextFactory<RiskIntelDbContext> dbFactory,
    IJobStore store,
    IJobScheduler scheduler,
    JobStatusPublisher publisher,
    JobCommitter committer,
    CallbackUrlPolicy callbacks,
    RunningJobs running,
    IOptions<JobsOptions> options,
    TimeProvider time)
{
    // Striped locks make the check-then-insert of identical submissions atomic within a node.
    private static readonly SemaphoreSlim[] SubmitLocks = Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Stores and schedules the job, or answers with the equivalent one already in flight (or keyed with the same
    /// Idempotency-Key). Throws <see cref="SubmissionRejectedException"/> for a field over its limit or a callback host that is not allowed and
    /// <see cref="IdempotencyConflictException"/> for a key reused with another body.
    /// </summary>
    public Task<SubmitResult> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken) =>
        SubmitAsync(submission, storeAlongside: null, cancellationToken);

    /// <summary>
    /// Submits the job and stores, in the same transaction, the feature rows that <paramref name="storeAlongside"/>
    /// adds for it (e.g. the document an upload creates, given the new job's id): both are there, or neither.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(
        JobSubmission submission, Func<RiskIntelDbContext, Guid, CancellationToken, Task>? storeAlongside, CancellationToken cancellationToken)
    {
        submission = JobPayloadLimits.Check(submission);
        if (submission.CallbackUrl is { } url && callbacks.Check(url) is { } refusal)
        {
            throw new SubmissionRejectedException("callbackUrl", refusal);
        }

        var hash = submission.RequestHash();
        var gate = SubmitLocks[(int)((uint)hash.GetHashCode(StringComparison.Ordinal) % SubmitLocks.Length)];
        await gate.WaitAsync(cancellationToken);
        Job job;
        try
        {
            // The store refuses a duplicate in the insert itself, so a new job costs one statement. When the one it
            // found has finished by the time it is looked up, the submission is new after all.
            // Clustered, the trigger is stored in the job's own transaction, which the store's group commit cannot share.
            var unitOfWork = storeAlongside is not null || scheduler.SchedulesInTransaction;
            while (true)
            {
                if (unitOfWork && await store.FindEquivalentAsync(submission.UserId, submission.IdempotencyKey, hash, cancellationToken) is { } known)
                {
                    return Existing(known, submission, hash);
                }

                job = Job.Create(submission, hash, options.Value.MaxAttempts, Now);
                if (!unitOfWork ? await store.InsertAsync(job, cancellationToken) : await InsertWithRowsAsync(job, storeAlongside, cancellationToken))
                {
                    break;
                }

                if (await store.FindEquivalentAsync(submission.UserId, submission.IdempotencyKey, hash, cancellationToken) is { } existing)
                {
                    return Existing(existing, submission, hash);
                }
            }
        }
        finally
        {
            gate.Release();
        }

        JobTelemetry.RecordSubmitted(job.Type);
        if (!scheduler.SchedulesInTransaction)
        {
            await scheduler.ScheduleAsync(job.Id, job.Type, null, CancellationToken.None);
        }

        await publisher.PublishAsync(JobStatusChanged.Of(job, null), CancellationToken.None);
        return new SubmitResult(job.ToDto(), Created: true);
    }

    // A job whose feature rows are stored with it (an upload's document), or any job when the scheduler keeps its triggers
    // in the database, takes one EF unit of work; false, storing nothing, when the user's Idempotency-Key is already taken.
    private async Task<bool> InsertWithRowsAsync(
        Job job, Func<RiskIntelDbContext, Guid, CancellationToken, Task>? storeAlongside, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        db.Jobs.Add(job);
        if (storeAlongside is not null)
        {
            await storeAlongside(db, job.Id, cancellationToken);
        }

        try
        {
            if (scheduler.SchedulesInTransaction)
            {
                await SaveWithTriggerAsync(db, job, cancellationToken);
            }
            else
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return true;
        }
        catch (DbUpdateException) when (job.IdempotencyKey is not null)
        {
            // Another request stored the same key first; anything else is a real failure.
            if (await store.FindEquivalentAsync(job.CreatedById, job.IdempotencyKey, job.RequestHash, CancellationToken.None) is null)
            {
                throw;
            }

            return false;
        }
    }

    // The row and its Quartz trigger in one transaction: no stored job without a trigger, no trigger without its job.
    // Run through the provider's execution strategy, which SQL Server's retry-on-failure requires for explicit transactions.
    private Task SaveWithTriggerAsync(RiskIntelDbContext db, Job job, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await scheduler.ScheduleInTransactionAsync(
                transaction.GetDbTransaction(), job.Id, job.Type, transaction.CommitAsync, cancellationToken);
            db.ChangeTracker.AcceptAllChanges();
        });

    public async Task<JobDto?> GetAsync(Guid id, string? userId, CancellationToken cancellationToken) =>
        (await store.GetAsync(id, userId, cancellationToken))?.ToDto();

    public async Task<IReadOnlyList<JobEventDto>?> GetEventsAsync(Guid id, string? userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await Visible(db, userId).AnyAsync(j => j.Id == id, cancellationToken))
        {
            return null;
        }

        var events = await db.JobEvents.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return events.Select(e => e.ToDto()).ToList();
    }

    public async Task<JobPage> ListAsync(string? userId, JobListQuery query, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, 100);
        await using var db = dbFactory.CreateDbContext();
        var jobs = Visible(db, userId).AsNoTracking();
        if (query.Status is { } status)
        {
            jobs = jobs.Where(j => j.Status == status);
        }

        if (query.Type is { } type)
        {
            jobs = jobs.Where(j => j.Type == type);
        }

        if (query.OwnerId is { } owner)
        {
            jobs = jobs.Where(j => j.CreatedById == owner);
        }

        if (!string.IsNullOrWhiteSpace(query.ErrorContains))
        {
            var term = query.ErrorContains.Trim().ToLower();

            // ToLower + Contains is what every provider translates; a StringComparison overload is not.
#pragma warning disable CA1862
            jobs = jobs.Where(j => j.Error != null && j.Error.ToLower().Contains(term));
#pragma warning restore CA1862
        }

        if (JobCursor.TryParse(query.Cursor, out var after))
        {
            // Newest first by (CreatedAt, Id): a tie on the time continues strictly below the last id, so no row repeats.
            jobs = jobs.Where(j => j.CreatedAt < after.CreatedAt || (j.CreatedAt == after.CreatedAt && j.Id.CompareTo(after.Id) < 0));
        }

        var page = await jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Take(limit + 1).ToListAsync(cancellationToken);
        var items = page.Take(limit).Select(j => j.ToDto()).ToList();
        var next = page.Count > limit ? JobCursor.Format(items[^1].CreatedAt, items[^1].Id) : null;
        return new JobPage(items, next);
    }

    public async Task<CancelResult> CancelAsync(Guid id, string? userId, CancellationToken cancellationToken)
    {
        for (var tries = 0; ; tries++)
        {
            await using var db = dbFactory.CreateDbContext();
            var job = await Visible(db, userId).FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
            if (job is null)
            {
                return new CancelResult(CancelOutcome.NotFound, null);
            }

            if (job.IsTerminal)
            {
                return new CancelResult(CancelOutcome.AlreadyFinished, job.ToDto());
            }

            var previous = job.Status;
            var cancelledNow = job.RequestCancel(Now);
            try
            {
                job = cancelledNow ? await committer.CommitAsync(db, job, previous, cancellationToken) : job;
                if (!cancelledNow)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            catch (DbUpdateConcurrencyException) when (tries < 3)
            {
                continue;
            }

            if (!cancelledNow)
            {
                running.TryCancel(id);
            }

            return new CancelResult(CancelOutcome.Accepted, job.ToDto());
        }
    }

    private static IQueryable<Job> Visible(RiskIntelDbContext db, string? userId) =>
        userId is null ? db.Jobs : db.Jobs.Where(j => j.CreatedById == userId);

    private static SubmitResult Existing(Job existing, JobSubmission submission, string hash) =>
        submission.IdempotencyKey is { } key && existing.RequestHash != hash
            ? throw new IdempotencyConflictException(key)
            : new SubmitResult(existing.ToDto(), Created: false);
}
