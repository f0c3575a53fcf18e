using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Jobs.Storage;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Execution;

/// <summary>
/// Runs one attempt of a job: claims and loads the row in one store statement (only a due PENDING row can be
/// claimed, so a job triggered twice runs once), keeps the claim alive (<see cref="JobLease"/>), calls the
/// handler, and records the outcome: completed, retry later, failed, cancelled, or handed back when this node
/// stops. Outcomes are version-guarded saves; a terminal state of a type with completion handlers is recorded
/// by <see cref="JobCommitter"/> in an EF unit of work, so the handlers run in the transaction that records it.
/// </summary>
public sealed partial class JobRunner(
    IDbContextFactory<RiskIntelDbContext> dbFactory,
    IJobStore store,
    IEnumerable<IJobHandler> handlers,
    IJobScheduler scheduler,
    JobStatusPublisher publisher,
    JobCommitter committer,
    RunningJobs running,
    NodeIdentity node,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobRunner> logger)
{
    // The last registration of a type wins, so a host (or a test) can replace a handler.
    private readonly Dictionary<JobType, IJobHandler> _handlers =
        handlers.GroupBy(h => h.Type).ToDictionary(g => g.Key, g => g.Last());

    private readonly JobsOptions _options = options.Value;
    private readonly RetryBackoff _backoff = new(options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task RunAsync(Guid jobId, CancellationToken stoppingToken)
    {
        var job = await ClaimAsync(jobId, stoppingToken);
        if (job is null)
        {
            return;
        }

        using var activity = JobTelemetry.StartRun(job);

        using var userCancel = new CancellationTokenSource();
        using var timeout = new CancellationTokenSource(_options.AttemptTimeout, time);
        await using var lease = JobLease.Hold(dbFactory, job, node.Id, _options.LeaseDuration, time, logger);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(
            stoppingToken, userCancel.Token, lease.CancelRequested, lease.Lost, timeout.Token);
        running.Add(job.Id, userCancel);
        try
        {
            var outcome = await ExecuteAsync(job, attempt.Token);
            await FinishAsync(job, j => j.Complete(outcome, Now));
        }
        catch (Exception) when (lease.IsLost)
        {
            Log.LeaseLost(logger, job.Id, job.Attempts);
        }
        catch (Exception) when (userCancel.IsCancellationRequested || lease.CancelRequested.IsCancellationRequested)
        {
            await FinishAsync(job, j => j.Cancel("Cancelled while running", Now));
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            await FinishAsync(job, j => j.Requeue("Handed back: the node is shutting down", countAttempt: false, Now));
        }
        catch (Exception ex)
        {
            var error = timeout.IsCancellationRequested && ex is OperationCanceledException
                ? new ClassifiedError("TimeoutException", $"The attempt ran longer than {_options.AttemptTimeout}.", true)
                : JobErrorClassifier.Classify(ex);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.Kind);
            await RecordFailureAsync(job, error, ex);
        }
        finally
        {
            running.Remove(job.Id);
        }
    }

    private async Task<Job?> ClaimAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await store.ClaimAsync(jobId, node.Id, _options.LeaseDuration, cancellationToken);
        if (job is null)
        {
            await NotClaimedAsync(jobId, cancellationToken);
            return null;
        }

        Log.Started(logger, job.Id, job.Type, job.Attempts);
        JobTelemetry.RecordStarted(job);
        await publisher.PublishAsync(JobStatusChanged.Of(job, JobStatus.Pending), CancellationToken.None);
        return job;
    }

    private async Task NotClaimedAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, null, cancellationToken);
        if (job is { Status: JobStatus.Pending, NextAttemptAt: { } due } && due > Now)
        {
            // Fired before its time (a recovered trigger); run it when it is due.
            await scheduler.ScheduleAsync(job.Id, job.Type, due, cancellationToken);
        }
        else if (job is not null)
        {
            Log.NotClaimable(logger, job.Id, job.Status);
        }
    }

    private async Task<string> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(job.Type, out var handler))
        {
            throw new Errors.InputValidationException($"No handler is registered for jobs of type {job.Type}.");
        }

        var attempt = new JobAttempt(job, (percent, message, ct) => ReportProgressAsync(job, percent, message, ct));
        var result = await handler.ExecuteAsync(attempt, cancellationToken);
        var json = JsonSerializer.Serialize(result, result.GetType(), ApiJson.Options);
        JobPayloadLimits.CheckResult(json);
        return json;
    }

    private async Task RecordFailureAsync(Job job, ClassifiedError error, Exception exception)
    {
        if (error.IsRetryable && job.Attempts < job.MaxAttempts)
        {
            var nextAttemptAt = Now + _backoff.DelayFor(job.Attempts, error.RetryAfter);
            Log.WillRetry(logger, exception, job.Id, job.Attempts, nextAttemptAt);
            if (await FinishAsync(job, j => j.ScheduleRetry(error.ToString(), nextAttemptAt, Now)))
            {
                await scheduler.ScheduleAsync(job.Id, job.Type, nextAttemptAt, CancellationToken.None);
            }

            return;
        }

        if (error.Kind == Errors.ErrorKinds.Validation)
        {
            // The submitter's mistake (a missing variable, a bad field), recorded in the job's error: no stack trace needed.
            Log.Refused(logger, job.Id, job.Attempts, error.Message);
        }
        else
        {
            Log.Failed(logger, exception, job.Id, job.Attempts, error.Kind);
        }

        await FinishAsync(job, j => j.Fail(error.ToString(), Now));
    }

    private async Task<bool> FinishAsync(Job job, Action<Job> transition)
    {
        var previous = job.Status;
        var version = job.Version;
        transition(job);
        var committed = job.IsTerminal && committer.HasCompletionHandlers(job.Type)
            ? await CommitWithHandlersAsync(job.Id, version, previous, transition)
            : await SaveAsync(job, version, previous);
        if (!committed)
        {
            // Another node took the job over after this one lost its lease; its outcome is the one that counts.
            Log.OutcomeDiscarded(logger, job.Id, job.Status);
            return false;
        }

        Log.Transitioned(logger, job.Id, previous, job.Status);
        return true;
    }

    private async Task<bool> SaveAsync(Job job, int version, JobStatus previous)
    {
        if (!await store.SaveAsync(job, version, CancellationToken.None))
        {
            return false;
        }

        JobTelemetry.RecordOutcome(job);
        await publisher.PublishAsync(JobStatusChanged.Of(job, previous), CancellationToken.None);
        return true;
    }

    // The completion handlers change their feature's rows and stage the next job in the unit of work that records
    // the outcome: the same transition, applied to the row as stored (when it is still the version this attempt saw).
    private async Task<bool> CommitWithHandlersAsync(Guid jobId, int version, JobStatus previous, Action<Job> transition)
    {
        await using var db = dbFactory.CreateDbContext();
        var tracked = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, CancellationToken.None);
        if (tracked is null || tracked.Version != version)
        {
            return false;
        }

        transition(tracked);
        try
        {
            await committer.CommitAsync(db, tracked, previous, CancellationToken.None);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private async Task ReportProgressAsync(Job job, int percent, string? message, CancellationToken cancellationToken)
    {
        job.ReportProgress(percent, message, Now);
        await using var db = dbFactory.CreateDbContext();
        await db.Jobs
            .Where(j => j.Id == job.Id && j.Status == JobStatus.Processing && j.Attempts == job.Attempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Progress, job.Progress)
                    .SetProperty(j => j.ProgressMessage, job.ProgressMessage)
                    .SetProperty(j => j.UpdatedAt, job.UpdatedAt),
                cancellationToken);
        await publisher.PublishAsync(JobStatusChanged.Of(job, JobStatus.Processing), cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({JobType}) attempt {Attempt} started")]
        public static partial void Started(ILogger logger, Guid jobId, JobType jobType, int attempt);

        [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} went from {From} to {To}")]
        public static partial void Transitioned(ILogger logger, Guid jobId, JobStatus from, JobStatus to);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} is {Status} and cannot be claimed")]
        public static partial void NotClaimable(ILogger logger, Guid jobId, JobStatus status);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} was claimed by another runner")]
        public static partial void ClaimLost(ILogger logger, Guid jobId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} failed; retry at {NextAttemptAt}")]
        public static partial void WillRetry(ILogger logger, Exception exception, Guid jobId, int attempt, DateTime nextAttemptAt);

        [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed after attempt {Attempt} with {ErrorKind}")]
        public static partial void Failed(ILogger logger, Exception exception, Guid jobId, int attempt, string errorKind);

        [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} was refused at attempt {Attempt}: {Reason}")]
        public static partial void Refused(ILogger logger, Guid jobId, int attempt, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} lost its lease; its outcome is dropped")]
        public static partial void LeaseLost(ILogger logger, Guid jobId, int attempt);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} outcome {Status} discarded: the job was taken over")]
        public static partial void OutcomeDiscarded(ILogger logger, Guid jobId, JobStatus status);
    }
}
