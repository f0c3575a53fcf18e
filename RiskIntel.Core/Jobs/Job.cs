using System.Diagnostics;
using System.Text.Json;
using RiskIntel.Core.Jobs.Notifications.Webhooks;

namespace RiskIntel.Core.Jobs;

/// <summary>
/// A unit of background work and the source of truth for its state. Every transition goes through a
/// method here, bumps <see cref="Version"/> (the optimistic-concurrency token that makes claiming and
/// finishing atomic) and appends a <see cref="JobEvent"/>.
/// </summary>
public sealed partial class Job
{
    private readonly List<JobEvent> _events = [];
    private readonly List<WebhookDelivery> _webhookDeliveries = [];
    private JsonElement? _parsedInput;

    private Job()
    {
    }

    public Guid Id { get; private set; }

    public JobType Type { get; private set; }

    public JobStatus Status { get; private set; }

    public string Input { get; private set; } = "{}";

    public string? Result { get; private set; }

    public string? Error { get; private set; }

    public int Attempts { get; private set; }

    public int MaxAttempts { get; private set; }

    public int Progress { get; private set; }

    public string? ProgressMessage { get; private set; }

    public string CreatedById { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? NextAttemptAt { get; private set; }

    public string? IdempotencyKey { get; private set; }

    /// <summary>SHA-256 of type and input: identifies identical submissions.</summary>
    public string RequestHash { get; private set; } = "";

    public string? CallbackUrl { get; private set; }

    public bool CancelRequested { get; private set; }

    /// <summary>The node instance running the job, and until when its claim holds without a heartbeat.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTime? LeaseExpiresAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The W3C trace context of the request that submitted the job, so its execution joins that trace.</summary>
    public string? TraceParent { get; private set; }

    public IReadOnlyList<JobEvent> Events => _events;

    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _webhookDeliveries;

    public bool IsTerminal => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    public static Job Create(JobSubmission submission, string requestHash, int maxAttempts, DateTime now)
    {
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            Type = submission.Type,
            Status = JobStatus.Pending,
            Input = submission.Input.ToJsonString(ApiJson.Options),
            MaxAttempts = maxAttempts,
            CreatedById = submission.UserId,
            CreatedAt = now,
            UpdatedAt = now,
            IdempotencyKey = submission.IdempotencyKey,
            RequestHash = requestHash,
            CallbackUrl = submission.CallbackUrl,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null,
        };
        job._events.Add(new JobEvent(job.Id, null, JobStatus.Pending, now, "Submitted"));
        return job;
    }

    public bool IsDue(DateTime now) => Status == JobStatus.Pending && (NextAttemptAt is null || NextAttemptAt <= now);

    public void Start(string leaseOwner, DateTime leaseExpiresAt, DateTime now)
    {
        EnsureStatus(JobStatus.Pending);
        Attempts++;
        StartedAt = now;
        NextAttemptAt = null;
        LeaseOwner = leaseOwner;
        LeaseExpiresAt = leaseExpiresAt;
        Progress = 0;
        ProgressMessage = null;
        Transition(JobStatus.Processing, now, StartedMessage(Attempts, MaxAttempts, leaseOwner));
    }

    /// <summary>
    /// The job as a store's claim statement left it (the same change as <see cref="Start"/>, made in SQL so that
    /// claiming and loading is one statement), with the event that records it.
    /// </summary>
    internal void RecordClaim(DateTime now) =>
        _events.Add(new JobEvent(Id, JobStatus.Pending, JobStatus.Processing, now, StartedMessage(Attempts, MaxAttempts, LeaseOwner)));

    internal static string StartedMessage(int attempts, int maxAttempts, string? leaseOwner) =>
        $"Attempt {attempts} of {maxAttempts} started on {leaseOwner}";

    /// <summary>The parsed input, kept so that every status event of this instance does not parse it again.</summary>
    internal JsonElement ParsedInput => _parsedInput ??= JsonSerializer.Deserialize<JsonElement>(Input);

    /// <summary>
    /// Forgets the events and deliveries a store has just written (instances the store loaded itself, never
    /// ones an EF context tracks), so that the next save writes only what the next transition adds.
    /// </summary>
    internal void AcceptChanges()
    {
        _events.Clear();
        _webhookDeliveries.Clear();
    }

    public void Complete(string resultJson, DateTime now)
    {
        EnsureStatus(JobStatus.Processing);
        Result = resultJson;
        Error = null;
        Progress = 100;
        CompletedAt = now;
        ReleaseLease();
        Transition(JobStatus.Completed, now, "Completed");
    }

    public void ScheduleRetry(string error, DateTime nextAttemptAt, DateTime now)
    {
        EnsureStatus(JobStatus.Processing);
        Error = error;
        NextAttemptAt = nextAttemptAt;
        ReleaseLease();
        Transition(JobStatus.Pending, now, $"Attempt {Attempts} failed, retry at {nextAttemptAt:O}: {error}");
    }

    public void Fail(string error, DateTime now)
    {
        if (IsTerminal)
        {
            throw new InvalidOperationException($"Job {Id} is already {Status}.");
        }

        Error = error;
        CompletedAt = now;
        NextAttemptAt = null;
        ReleaseLease();
        Transition(JobStatus.Failed, now, error);
    }

    /// <summary>Cancels a pending job at once; a running one is only flagged, its runner finishes the cancel.</summary>
    public bool RequestCancel(DateTime now)
    {
        if (IsTerminal)
        {
            throw new InvalidOperationException($"Job {Id} is already {Status}.");
        }

        CancelRequested = true;
        if (Status == JobStatus.Pending)
        {
            Cancel("Cancelled before it ran", now);
            return true;
        }

        UpdatedAt = now;
        return false;
    }

    public void Cancel(string message, DateTime now)
    {
        CompletedAt = now;
        NextAttemptAt = null;
        ReleaseLease();
        Transition(JobStatus.Cancelled, now, message);
    }

    /// <summary>Hands a running job back to the queue: its node is stopping (graceful) or was lost.</summary>
    public void Requeue(string reason, bool countAttempt, DateTime now)
    {
        EnsureStatus(JobStatus.Processing);
        if (!countAttempt)
        {
            Attempts--;
        }

        NextAttemptAt = now;
        ReleaseLease();
        Transition(JobStatus.Pending, now, reason);
    }

    public void ReportProgress(int percent, string? message, DateTime now)
    {
        Progress = Math.Clamp(percent, 0, 100);
        ProgressMessage = message;
        UpdatedAt = now;
    }

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseExpiresAt = null;
    }

    private void EnsureStatus(JobStatus expected)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"Job {Id} is {Status}, expected {expected}.");
        }
    }

    private void Transition(JobStatus to, DateTime now, string message)
    {
        _events.Add(new JobEvent(Id, Status, to, now, message));
        Status = to;
        UpdatedAt = now;
        Version++;
        if (IsTerminal && CallbackUrl is not null)
        {
            _webhookDeliveries.Add(new WebhookDelivery(Id, CallbackUrl, now));
        }
    }
}
