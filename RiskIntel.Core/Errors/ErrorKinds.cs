namespace RiskIntel.Core.Errors;

/// <summary>
/// The error kinds a failed job's <c>error</c> starts with (SPEC §4), and the one table that turns an HTTP
/// status into a kind and says whether it is worth retrying, for every client that calls another service.
/// </summary>
public static class ErrorKinds
{
    public const string Validation = "ValidationException";
    public const string Throttling = "ThrottlingException";
    public const string ServiceUnavailable = "ServiceUnavailableException";
    public const string Timeout = "TimeoutException";
    public const string AccessDenied = "AccessDeniedException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string TransientStorage = "TransientStorageException";

    /// <summary>429 throttling, 408/504 timeout and other 5xx unavailability are retryable; other 4xx are not.</summary>
    public static (string Kind, bool IsRetryable) ForStatus(int status) => status switch
    {
        429 => (Throttling, true),
        408 or 504 => (Timeout, true),
        >= 500 => (ServiceUnavailable, true),
        401 or 403 => (AccessDenied, false),
        404 => (ResourceNotFound, false),
        _ => (Validation, false),
    };
}
