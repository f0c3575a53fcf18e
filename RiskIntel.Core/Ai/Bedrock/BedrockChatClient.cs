using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>
/// <see cref="IChatClient"/> over the Bedrock Converse API (<c>POST /model/{modelId}/converse</c>). The
/// typed <see cref="HttpClient"/> carries resilience, pacing and authentication as handlers; this class
/// maps messages and turns every failure into a <see cref="BedrockException"/>.
/// </summary>
internal sealed partial class BedrockChatClient(
    HttpClient http, IOptionsMonitor<AiOptions> aiOptions, ILogger<BedrockChatClient> logger) : IChatClient
{
    public const string ProviderName = "aws.bedrock";

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var bedrock = aiOptions.CurrentValue.Bedrock;
        var modelId = options?.ModelId is { Length: > 0 } requested ? requested : bedrock.ModelId
            ?? throw new InvalidOperationException("Ai:Bedrock:ModelId is not configured.");
        var body = ConverseMapper.ToRequest(messages, options, modelId, bedrock.MaxTokens);

        using var request = new HttpRequestMessage(HttpMethod.Post, ConverseUri(bedrock, modelId))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, ConverseJson.Options)),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Options.Set(BedrockRateLimitHandler.ModelIdKey, modelId);

        using var response = await SendAsync(request, modelId, cancellationToken);
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        if (!response.IsSuccessStatusCode)
        {
            var error = await BedrockErrors.FromResponseAsync(response, cancellationToken);
            Log.CallFailed(logger, modelId, error.Kind, error.StatusCode, requestId);
            throw error;
        }

        ConverseResponse converse;
        try
        {
            converse = await response.Content.ReadFromJsonAsync<ConverseResponse>(ConverseJson.Options, cancellationToken)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            throw new BedrockException(BedrockErrors.ServiceUnavailable, $"Bedrock sent an unreadable answer: {e.Message}", true, e)
            {
                RequestId = requestId,
            };
        }

        Log.CallCompleted(logger, modelId, converse.Usage?.InputTokens, converse.Usage?.OutputTokens, converse.Metrics?.LatencyMs, requestId);
        return ConverseMapper.ToChatResponse(converse, modelId, requestId);
    }

    // ConverseStream is not used yet: the whole answer arrives at once and is replayed as updates.
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            var bedrock = aiOptions.CurrentValue.Bedrock;
            return new ChatClientMetadata(ProviderName, EndpointOf(bedrock), bedrock.ModelId);
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }

    internal static Uri EndpointOf(BedrockOptions bedrock) =>
        bedrock.Endpoint ?? new Uri($"https://bedrock-runtime.{bedrock.Region}.amazonaws.com");

    // The id is one path segment: ':' and '/' are escaped on the wire (the signer escapes them once more).
    internal static Uri ConverseUri(BedrockOptions bedrock, string modelId) =>
        new($"{EndpointOf(bedrock).AbsoluteUri.TrimEnd('/')}/model/{Uri.EscapeDataString(modelId)}/converse");

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string modelId, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw new BedrockException(
                BedrockErrors.ServiceUnavailable, "Bedrock calls are paused after repeated failures (circuit open).", true, e)
            {
                RetryAfter = e.RetryAfter,
            };
        }
        catch (TimeoutRejectedException e)
        {
            Log.TimedOut(logger, modelId, e.Timeout);
            throw new BedrockException(BedrockErrors.Timeout, AiTimeouts.Message(e.Timeout), true, e);
        }
        catch (HttpRequestException e)
        {
            throw new BedrockException(
                BedrockErrors.ServiceUnavailable, $"Could not reach Bedrock at {request.RequestUri?.Authority}: {e.Message}", true, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug,
            Message = "Bedrock {ModelId}: {InputTokens} in, {OutputTokens} out, {LatencyMs} ms (request {RequestId})")]
        public static partial void CallCompleted(ILogger logger, string modelId, long? inputTokens, long? outputTokens, long? latencyMs, string? requestId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Bedrock {ModelId} did not answer within {Timeout}")]
        public static partial void TimedOut(ILogger logger, string modelId, TimeSpan timeout);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Bedrock {ModelId} failed: {Kind} (HTTP {StatusCode}, request {RequestId})")]
        public static partial void CallFailed(ILogger logger, string modelId, string kind, int? statusCode, string? requestId);
    }
}
