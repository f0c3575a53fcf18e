namespace RiskIntel.Core.Jobs;

/// <summary>The same Idempotency-Key was used before with a different request body.</summary>
public sealed class IdempotencyConflictException(string key)
    : Exception($"The Idempotency-Key '{key}' was already used with a different request.");

/// <summary>A submission the engine refuses to store (e.g. a callback host that is not allowed); <see cref="Field"/> names the request field.</summary>
public sealed class SubmissionRejectedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
