namespace RiskIntel.Core.Jobs.Execution;

/// <summary>
/// Exponential backoff with ±20 % jitter: base × 2^(attempt-1), capped, and never sooner than the
/// service asked for (Retry-After).
/// </summary>
public sealed class RetryBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public TimeSpan DelayFor(int attempt, TimeSpan? retryAfter = null)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        var jittered = capped * (0.8 + (0.4 * _random()));
        var delay = TimeSpan.FromMilliseconds(jittered);
        return retryAfter is { } floor && floor > delay ? floor : delay;
    }
}
