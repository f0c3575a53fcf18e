namespace RiskIntel.Core.Jobs.Notifications.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// The callback a finished job owes its submitter. Created by the job's terminal transition, in the same
/// transaction, so a finished job's webhook cannot be lost; every attempt is recorded.
/// </summary>
public sealed class WebhookDelivery
{
    private readonly List<WebhookAttempt> _attempts = [];

    private WebhookDelivery()
    {
    }

    public WebhookDelivery(Guid jobId, string url, DateTime now)
    {
        Id = Guid.CreateVersion7();
        JobId = jobId;
        Url = url;
        Status = WebhookDeliveryStatus.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    public Guid JobId { get; private set; }

    public string Url { get; private set; } = "";

    public WebhookDeliveryStatus Status { get; private set; }

    public int AttemptCount { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? NextAttemptAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public string? LastError { get; private set; }

    public IReadOnlyList<WebhookAttempt> Attempts => _attempts;

    public void RecordSuccess(int statusCode, long durationMs, DateTime now)
    {
        _attempts.Add(new WebhookAttempt(Id, ++AttemptCount, now, statusCode, null, durationMs));
        Status = WebhookDeliveryStatus.Delivered;
        DeliveredAt = now;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt; retries at <paramref name="retryAt"/>, or gives up when it is null.</summary>
    public void RecordFailure(int? statusCode, string error, long durationMs, DateTime? retryAt, DateTime now)
    {
        _attempts.Add(new WebhookAttempt(Id, ++AttemptCount, now, statusCode, error, durationMs));
        LastError = error;
        NextAttemptAt = retryAt;
        if (retryAt is null)
        {
            Status = WebhookDeliveryStatus.Failed;
        }
    }
}

public sealed class WebhookAttempt
{
    private WebhookAttempt()
    {
    }

    public WebhookAttempt(Guid deliveryId, int number, DateTime at, int? statusCode, string? error, long durationMs)
    {
        DeliveryId = deliveryId;
        Number = number;
        At = at;
        StatusCode = statusCode;
        Error = error;
        DurationMs = durationMs;
    }

    public long Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public int Number { get; private set; }

    public DateTime At { get; private set; }

    public int? StatusCode { get; private set; }

    public string? Error { get; private set; }

    public long DurationMs { get; private set; }
}
