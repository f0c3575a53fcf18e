namespace RiskIntel.Core.Errors;

/// <summary>
/// An error that knows its kind (the name clients see, e.g. <c>ThrottlingException</c>) and whether
/// running the same work again may succeed. The job runner uses both to retry or fail a job.
/// </summary>
public abstract class ClassifiedException : Exception
{
    protected ClassifiedException(string kind, string message, bool isRetryable, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        IsRetryable = isRetryable;
    }

    /// <summary>The error's kind; a failed job's error starts with it.</summary>
    public string Kind { get; }

    /// <summary>Whether another attempt may succeed (throttling, unavailability, timeouts).</summary>
    public bool IsRetryable { get; }

    /// <summary>When the failing service asked to be retried no sooner than this, if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
