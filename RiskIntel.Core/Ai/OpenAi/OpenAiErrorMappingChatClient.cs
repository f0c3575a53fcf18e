using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Ai.OpenAi;

/// <summary>
/// Bounds each call by <see cref="AiOptions.RequestTimeout"/> (the client's own retries included) and classifies
/// the OpenAI client's failures so the job runner knows which ones to retry.
/// </summary>
internal sealed class OpenAiErrorMappingChatClient(IChatClient inner, TimeSpan requestTimeout) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(requestTimeout);
        try
        {
            return await base.GetResponseAsync(messages, options, deadline.Token);
        }
        catch (Exception e) when (Classify(e, requestTimeout, cancellationToken) is { } classified)
        {
            throw classified;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(requestTimeout);
        await using var updates = base.GetStreamingResponseAsync(messages, options, deadline.Token).GetAsyncEnumerator(deadline.Token);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception e) when (Classify(e, requestTimeout, cancellationToken) is { } classified)
            {
                throw classified;
            }

            yield return updates.Current;
        }
    }

    /// <summary>
    /// The client's retry policy throws an <see cref="AggregateException"/> of every try: a timeout among them is the
    /// one timeout of this call, said once; otherwise the last try's failure counts.
    /// </summary>
    internal static OpenAiException? Classify(Exception exception, TimeSpan requestTimeout, CancellationToken cancellationToken) => exception switch
    {
        _ when !cancellationToken.IsCancellationRequested && IsTimeout(exception) =>
            new(ErrorKinds.Timeout, AiTimeouts.Message(requestTimeout), true, exception),
        AggregateException { InnerExceptions.Count: > 0 } e => Classify(e.InnerExceptions[^1], requestTimeout, cancellationToken),
        ClientResultException { Status: > 0 } e => FromStatus(e.Status, e.Message, e),
        ClientResultException e => new(ErrorKinds.ServiceUnavailable, e.Message, true, e),
        HttpRequestException e => new(ErrorKinds.ServiceUnavailable, e.Message, true, e),
        _ => null,
    };

    private static bool IsTimeout(Exception exception) => exception switch
    {
        OperationCanceledException or TimeoutException => true,
        AggregateException a => a.InnerExceptions.Any(IsTimeout),
        { InnerException: { } inner } => inner is OperationCanceledException or TimeoutException,
        _ => false,
    };

    private static OpenAiException FromStatus(int status, string message, Exception inner)
    {
        var (kind, retryable) = ErrorKinds.ForStatus(status);
        return new OpenAiException(kind, message, retryable, inner) { StatusCode = status };
    }
}
