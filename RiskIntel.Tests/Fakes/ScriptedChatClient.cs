using Microsoft.Extensions.AI;

namespace RiskIntel.Tests.Fakes;

/// <summary>A chat model that answers with the scripted texts in order (the last one repeats) and records what it was asked.</summary>
public sealed class ScriptedChatClient(params string[] answers) : IChatClient
{
    private int _calls;

    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public string ModelId { get; init; } = "scripted-model";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Requests)
        {
            Requests.Add(messages.ToList());
            var text = answers[Math.Min(_calls++, answers.Length - 1)];
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
            {
                ModelId = ModelId,
                Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 50, TotalTokenCount = 150 },
            });
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The pipeline does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
