using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>One adaptive limiter per model id, shared by every call to that model in the process.</summary>
internal sealed class BedrockRateLimiters(IOptions<AiOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, AdaptiveRateLimiter> _limiters = new(StringComparer.Ordinal);

    public AdaptiveRateLimiter For(string modelId) =>
        _limiters.GetOrAdd(modelId, _ => new AdaptiveRateLimiter(options.Value.Bedrock.Resilience, time));

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
