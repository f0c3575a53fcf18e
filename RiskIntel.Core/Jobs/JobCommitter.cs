using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs;

/// <summary>
/// Records a job's transition, wherever it happens (runner, cancel, recovery). When the job reaches a terminal
/// state, the completion handlers of its type run first, in the same transaction; then the unit of work is
/// saved, the jobs it staged are scheduled, and every change is published to the status notifiers.
/// </summary>
public sealed partial class JobCommitter(
    IEnumerable<IJobCompletionHandler> handlers,
    IJobScheduler scheduler,
    JobStatusPublisher publisher,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobCommitter> logger)
{
    private readonly IJobCompletionHandler[] _handlers = handlers.ToArray();
    private readonly bool[] _typesWithHandlers = Enum.GetValues<JobType>().Select(t => handlers.Any(h => h.Handles(t))).ToArray();

    /// <summary>Whether a terminal state of this type runs completion handlers, and so needs an EF unit of work.</summary>
    internal bool HasCompletionHandlers(JobType type) => _typesWithHandlers[(int)type];

    /// <summary>
    /// Saves <paramref name="job"/> after a transition from <paramref name="previous"/>. Returns the job as committed:
    /// when a completion handler throws, its changes are dropped and the job is recorded as FAILED instead (a new
    /// instance, read again). Throws <see cref="DbUpdateConcurrencyException"/> when another node changed the job first.
    /// </summary>
    public async Task<Job> CommitAsync(RiskIntelDbContext db, Job job, JobStatus previous, CancellationToken cancellationToken)
    {
        var runsHandlers = job.IsTerminal && previous is JobStatus.Pending or JobStatus.Processing;
        for (var round = 1; ; round++)
        {
            if (runsHandlers)
            {
                try
                {
                    await RunHandlersAsync(db, job, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log.HandlerFailed(logger, ex, job.Id, job.Status);
                    job = await RecordPipelineFailureAsync(db, job, ex, cancellationToken);
                    runsHandlers = false;
                }
            }

            try
            {
                await SaveAsync(db, job, previous, cancellationToken);
                return job;
            }
            catch (DbUpdateConcurrencyException ex) when (runsHandlers && round < 5 && ex.Entries.All(e => !BelongsTo(e.Entity, job)))
            {
                // A feature row the handlers changed was changed meanwhile (say, the analyst edited the assessment):
                // forget what they did and let them decide again on fresh rows. The job's own transition stays.
                Log.HandlersRetried(logger, job.Id, round);
                await UndoHandlerChangesAsync(db, job, cancellationToken);
            }
        }
    }

    private async Task SaveAsync(RiskIntelDbContext db, Job job, JobStatus previous, CancellationToken cancellationToken)
    {
        var staged = db.ChangeTracker.Entries<Job>()
            .Where(e => e.State == EntityState.Added && e.Entity != job).Select(e => e.Entity).ToList();
        await db.SaveChangesAsync(cancellationToken);

        JobTelemetry.RecordOutcome(job);
        await publisher.PublishAsync(JobStatusChanged.Of(job, previous), CancellationToken.None);
        foreach (var next in staged)
        {
            Log.Chained(logger, next.Id, next.Type, job.Id);
            JobTelemetry.RecordSubmitted(next.Type);
            await scheduler.ScheduleAsync(next.Id, next.Type, null, CancellationToken.None);
            await publisher.PublishAsync(JobStatusChanged.Of(next, null), CancellationToken.None);
        }
    }

    private static async Task UndoHandlerChangesAsync(RiskIntelDbContext db, Job job, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => !BelongsTo(e.Entity, job)).ToList())
        {
            if (entry.State == EntityState.Added)
            {
                entry.State = EntityState.Detached;
            }
            else if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                await entry.ReloadAsync(cancellationToken);
            }
        }
    }

    /// <summary>Stores a new job in <paramref name="db"/> without saving: the caller's commit stores it.</summary>
    internal Job Stage(RiskIntelDbContext db, JobSubmission submission)
    {
        var job = Job.Create(submission, submission.RequestHash(), options.Value.MaxAttempts, time.GetUtcNow().UtcDateTime);
        db.Jobs.Add(job);
        return job;
    }

    private async Task RunHandlersAsync(RiskIntelDbContext db, Job job, CancellationToken cancellationToken)
    {
        var completion = new JobCompletion(job, db, submission => Stage(db, submission));
        foreach (var handler in _handlers.Where(h => h.Handles(job.Type)))
        {
            await handler.OnFinishedAsync(completion, cancellationToken);
        }
    }

    // A handler's bug must not leave half a chain behind: everything it touched is dropped, the job is read
    // again as stored and fails with the reason, so the row, the log and the feature's status say the same.
    private async Task<Job> RecordPipelineFailureAsync(RiskIntelDbContext db, Job job, Exception error, CancellationToken cancellationToken)
    {
        var version = db.Entry(job).Property(j => j.Version).OriginalValue;
        db.ChangeTracker.Clear();
        var stored = await db.Jobs.SingleAsync(j => j.Id == job.Id, cancellationToken);
        if (stored.Version != version || stored.IsTerminal)
        {
            throw new DbUpdateConcurrencyException($"Job {job.Id} changed while its outcome was being recorded.");
        }

        stored.Fail($"PipelineException: the {job.Type} step ended as {job.Status} but that could not be recorded: {error.Message}",
            time.GetUtcNow().UtcDateTime);
        try
        {
            await RunHandlersAsync(db, stored, cancellationToken);
        }
        catch (Exception again) when (again is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.HandlerFailed(logger, again, stored.Id, stored.Status);
            db.ChangeTracker.Entries().Where(e => !BelongsTo(e.Entity, stored)).ToList().ForEach(e => e.State = EntityState.Detached);
        }

        return stored;
    }

    private static bool BelongsTo(object entity, Job job) => entity switch
    {
        Job j => j == job,
        JobEvent e => e.JobId == job.Id,
        Notifications.Webhooks.WebhookDelivery d => d.JobId == job.Id,
        _ => false,
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A completion handler of job {JobId} failed on {Status}; the job is recorded as FAILED")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, Guid jobId, JobStatus status);

        [LoggerMessage(Level = LogLevel.Information, Message = "Rows the completion handlers of job {JobId} changed were changed meanwhile; running them again (round {Round})")]
        public static partial void HandlersRetried(ILogger logger, Guid jobId, int round);

        [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({JobType}) chained after job {PreviousJobId}")]
        public static partial void Chained(ILogger logger, Guid jobId, JobType jobType, Guid previousJobId);
    }
}
