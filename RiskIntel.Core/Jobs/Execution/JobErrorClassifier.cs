using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Jobs.Execution;

/// <summary>A failure as the job records it: its kind, its message and whether to try again.</summary>
public sealed record ClassifiedError(string Kind, string Message, bool IsRetryable, TimeSpan? RetryAfter = null)
{
    /// <summary>The job's <c>error</c>: the kind first, e.g. <c>ThrottlingException: Too many requests</c>.</summary>
    public override string ToString() => $"{Kind}: {Message}";
}

/// <summary>
/// Decides what a failure means (SPEC §4). Retryable: throttling, unavailability, timeouts, transient
/// storage errors. Not retryable: validation, access denied, not found, and every exception nobody
/// classified: that is a bug in our code (an overflow, a null reference), and running it again only repeats it.
/// </summary>
public static class JobErrorClassifier
{
    public static ClassifiedError Classify(Exception exception) => exception switch
    {
        ClassifiedException c => new(c.Kind, c.Message, c.IsRetryable, c.RetryAfter),
        AggregateException { InnerExceptions.Count: > 0 } a => Classify(a.Flatten().InnerExceptions[0]),
        TimeoutException => new("TimeoutException", exception.Message, true),
        OperationCanceledException => new("TimeoutException", "The operation timed out.", true),
        HttpRequestException { StatusCode: { } status } => FromStatus(status, exception.Message),
        HttpRequestException => new("ServiceUnavailableException", exception.Message, true),
        UnauthorizedAccessException => new("AccessDeniedException", exception.Message, false),
        KeyNotFoundException or FileNotFoundException => new("ResourceNotFoundException", exception.Message, false),
        ArgumentException or FormatException or NotSupportedException or System.Text.Json.JsonException =>
            new("ValidationException", exception.Message, false),
        DbException db when db.IsTransient => new("TransientStorageException", exception.Message, true),
        DbUpdateException { InnerException: DbException { IsTransient: true } } => new("TransientStorageException", exception.Message, true),
        IOException => new("TransientStorageException", exception.Message, true),
        SocketException => new("ServiceUnavailableException", exception.Message, true),
        _ => new(exception.GetType().Name, exception.Message, false),
    };

    private static ClassifiedError FromStatus(HttpStatusCode status, string message)
    {
        var (kind, retryable) = ErrorKinds.ForStatus((int)status);
        return new(kind, message, retryable);
    }
}
