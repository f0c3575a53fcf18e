namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>
/// How Bedrock calls share a model's quota (<c>Ai:Bedrock:Resilience</c>): an adaptive per-model request
/// rate (cut on throttling, raised slowly on success), in-call retries and a circuit breaker.
/// </summary>
public sealed class BedrockResilienceOptions
{
    /// <summary>Requests per second per model before any feedback from the service.</summary>
    public double InitialRequestsPerSecond { get; set; } = 10;

    public double MinRequestsPerSecond { get; set; } = 0.2;

    public double MaxRequestsPerSecond { get; set; } = 200;

    /// <summary>The rate is multiplied by this on a throttling answer (at most once per <see cref="DecreaseCooldown"/>).</summary>
    public double DecreaseFactor { get; set; } = 0.7;

    /// <summary>How many requests per second the rate gains per second of successful calls.</summary>
    public double IncreasePerSecond { get; set; } = 2;

    /// <summary>Throttling answers seen within this window after a cut count as one congestion signal.</summary>
    public TimeSpan DecreaseCooldown { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries of throttled calls within one call (429 ThrottlingException / ModelNotReadyException).</summary>
    public int MaxThrottleRetries { get; set; } = 6;

    /// <summary>Retries of 500/502/503/504 and connection failures within one call.</summary>
    public int MaxTransientRetries { get; set; } = 2;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Share of failed calls (after retries) in <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
