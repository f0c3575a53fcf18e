using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Ai.OpenAi;

/// <summary>Classifies the OpenAI client's failures so the job runner knows which ones to retry.</summary>
internal sealed class OpenAiErrorMappingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (Classify(e, cancellationToken) is { } classified)
        {
            throw classified;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception e) when (Classify(e, cancellationToken) is { } classified)
            {
                throw classified;
            }

            yield return updates.Current;
        }
    }

    internal static OpenAiException? Classify(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ClientResultException { Status: > 0 } e => FromStatus(e.Status, e.Message, e),
        ClientResultException e => new("ServiceUnavailableException", e.Message, true, e),
        HttpRequestException e => new("ServiceUnavailableException", e.Message, true, e),
        OperationCanceledException e when !cancellationToken.IsCancellationRequested =>
            new("TimeoutException", "The OpenAI-compatible server did not answer in time.", true, e),
        _ => null,
    };

    private static OpenAiException FromStatus(int status, string message, Exception inner)
    {
        var (kind, retryable) = ErrorKinds.ForStatus(status);
        return new OpenAiException(kind, message, retryable, inner) { StatusCode = status };
    }
}
