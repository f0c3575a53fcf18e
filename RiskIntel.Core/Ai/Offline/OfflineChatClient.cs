using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RiskIntel.Core.Ai.Offline;

/// <summary>
/// The embedded default: runs no model and says so. It answers with a labelled dry run (the prompts it
/// was given, token estimates and an extractive summary of the user text) so templates and variables
/// can be checked with no model configured. Deterministic: the same input gives the same answer.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    public const string ModelId = "offline-dry-run";
    private static readonly ChatClientMetadata Metadata = new("offline", defaultModelId: ModelId);
    private readonly TimeSpan _latency;
    private readonly TimeProvider _time;

    public OfflineChatClient()
        : this(TimeSpan.Zero, TimeProvider.System)
    {
    }

    [ActivatorUtilitiesConstructor]
    public OfflineChatClient(IOptions<AiOptions> options, TimeProvider time)
        : this(options.Value.OfflineLatency, time)
    {
    }

    private OfflineChatClient(TimeSpan latency, TimeProvider time)
    {
        _latency = latency;
        _time = time;
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency, _time, cancellationToken);
        }

        var list = messages.ToList();
        var system = string.Join("\n\n", list.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
        {
            system = string.IsNullOrEmpty(system) ? options.Instructions : options.Instructions + "\n\n" + system;
        }

        var user = string.Join("\n\n", list.Where(m => m.Role != ChatRole.System).Select(m => m.Text));
        var output = Compose(system, user);
        var inputTokens = TokenEstimator.Estimate(system) + TokenEstimator.Estimate(user);
        var outputTokens = TokenEstimator.Estimate(output);

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, output))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails
            {
                InputTokenCount = inputTokens,
                OutputTokenCount = outputTokens,
                TotalTokenCount = inputTokens + outputTokens,
            },
        };
        return response;
    }

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

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static string Compose(string system, string user)
    {
        var text = new StringBuilder()
            .AppendLine("[Offline dry run: no AI model was called. Configure Ai:Provider to use a real model.]")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"System prompt (~{TokenEstimator.Estimate(system)} tokens):")
            .AppendLine(string.IsNullOrWhiteSpace(system) ? "(none)" : system.Trim())
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"User prompt (~{TokenEstimator.Estimate(user)} tokens):")
            .AppendLine(string.IsNullOrWhiteSpace(user) ? "(none)" : user.Trim())
            .AppendLine()
            .AppendLine("Extractive summary of the user prompt:");
        var summary = ExtractiveSummarizer.Summarize(user, maxSentences: 3);
        if (summary.Count == 0)
        {
            text.AppendLine("(nothing to summarise)");
        }

        foreach (var sentence in summary)
        {
            text.Append("- ").AppendLine(sentence);
        }

        return text.ToString().TrimEnd();
    }
}
