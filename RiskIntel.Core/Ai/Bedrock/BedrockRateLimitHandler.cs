using Microsoft.Extensions.Logging;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>
/// Waits for the model's pace before each attempt and feeds the answer back into it. It sits inside the
/// retry handler, so every retry is paced too, and outside the signing handler, so the signature's time
/// stamp is taken after the wait.
/// </summary>
internal sealed partial class BedrockRateLimitHandler(BedrockRateLimiters limiters, ILogger<BedrockRateLimitHandler> logger)
    : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> ModelIdKey = new("RiskIntel.Bedrock.ModelId");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ModelIdKey, out var modelId))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var limiter = limiters.For(modelId);
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (BedrockErrors.IsThrottling(response))
        {
            AiTelemetry.RecordThrottle("bedrock");
            if (limiter.OnThrottled())
            {
                Log.RateReduced(logger, modelId, limiter.RequestsPerSecond);
            }
        }
        else if (response.IsSuccessStatusCode)
        {
            limiter.OnSuccess();
        }

        return response;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Bedrock throttled {ModelId}; pacing now {RequestsPerSecond:F2} requests/s")]
        public static partial void RateReduced(ILogger logger, string modelId, double requestsPerSecond);
    }
}
