using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>
/// The Bedrock call pipeline, outermost first: a circuit breaker over whole calls (it counts a call that
/// still failed after its retries, never a validation error), the call's time limit
/// (<see cref="AiOptions.RequestTimeout"/>, covering retries and waits for the pace), and retries of
/// throttling and transient failures with exponential backoff and jitter.
/// </summary>
internal static class BedrockResilience
{
    public const string PipelineName = "bedrock-converse";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var ai = context.ServiceProvider.GetRequiredService<IOptions<AiOptions>>().Value;
        var r = ai.Bedrock.Resilience;
        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = r.CircuitBreakerFailureRatio,
                MinimumThroughput = r.CircuitBreakerMinimumThroughput,
                SamplingDuration = r.CircuitBreakerSamplingDuration,
                BreakDuration = r.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsServiceFailure(args.Outcome)),
            })
            .AddTimeout(ai.RequestTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, Math.Max(r.MaxThrottleRetries, r.MaxTransientRetries)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = r.RetryBaseDelay,
                MaxDelay = r.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber, r)),
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome, r)),
            });
    }

    public static bool IsServiceFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode is 429 or >= 500,
        _ => false,
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attempt, BedrockResilienceOptions r) => outcome switch
    {
        { Exception: HttpRequestException } => attempt < r.MaxTransientRetries,
        { Result: { StatusCode: (System.Net.HttpStatusCode)429 } } => attempt < r.MaxThrottleRetries,
        { Result: { } response } => (int)response.StatusCode is 500 or 502 or 503 or 504 && attempt < r.MaxTransientRetries,
        _ => false,
    };

    // Full-jitter backoff is Polly's default; a wait the service asked for wins, capped by the maximum delay.
    private static TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome, BedrockResilienceOptions r) =>
        outcome.Result is { } response && BedrockErrors.RetryAfter(response) is { } wait
            ? TimeSpan.FromTicks(Math.Min(wait.Ticks, r.RetryMaxDelay.Ticks))
            : null;
}
