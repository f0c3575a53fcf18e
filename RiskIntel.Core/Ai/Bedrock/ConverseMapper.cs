using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Ai.Bedrock;

/// <summary>Maps <see cref="IChatClient"/> messages and options to a Converse request, and the answer back.</summary>
internal static partial class ConverseMapper
{
    public const string LatencyMsKey = "LatencyMs";

    public static ConverseRequest ToRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string modelId, int defaultMaxTokens)
    {
        List<ConverseSystemBlock> system = [];
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
        {
            system.Add(new(options.Instructions));
        }

        List<ConverseMessage> turns = [];
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                if (!string.IsNullOrWhiteSpace(message.Text))
                {
                    system.Add(new(message.Text));
                }

                continue;
            }

            var role = message.Role == ChatRole.Assistant ? "assistant" : "user";
            var blocks = message.Contents.OfType<TextContent>()
                .Where(t => !string.IsNullOrWhiteSpace(t.Text))
                .Select(t => new ConverseContentBlock(role == "assistant" ? t.Text.TrimEnd() : t.Text))
                .ToList();
            if (blocks.Count == 0)
            {
                continue;
            }

            // Claude wants alternating turns, so consecutive messages of one role become one turn.
            if (turns.Count > 0 && turns[^1].Role == role)
            {
                turns[^1].Content.AddRange(blocks);
            }
            else
            {
                turns.Add(new(role, blocks));
            }
        }

        if (turns.Count == 0)
        {
            throw new InputValidationException("A model call needs at least one non-blank user message.");
        }

        return new(turns, system.Count > 0 ? system : null, ToInferenceConfig(options, modelId, defaultMaxTokens));
    }

    public static ChatResponse ToChatResponse(ConverseResponse converse, string modelId, string? requestId)
    {
        List<AIContent> contents = [];
        foreach (var block in converse.Output?.Message?.Content ?? [])
        {
            if (block.Text is { } text)
            {
                contents.Add(new TextContent(text));
            }
            else if (block.ToolUse is { } tool)
            {
                var arguments = tool.Input.ValueKind == JsonValueKind.Object
                    ? tool.Input.Deserialize<Dictionary<string, object?>>(ConverseJson.Options)
                    : null;
                contents.Add(new FunctionCallContent(tool.ToolUseId, tool.Name, arguments));
            }
        }

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ModelId = modelId,
            ResponseId = requestId,
            FinishReason = ToFinishReason(converse.StopReason),
            RawRepresentation = converse,
        };
        if (converse.Usage is { } usage)
        {
            response.Usage = new UsageDetails
            {
                InputTokenCount = usage.InputTokens,
                OutputTokenCount = usage.OutputTokens,
                TotalTokenCount = usage.TotalTokens,
                CachedInputTokenCount = usage.CacheReadInputTokens,
            };
            if (usage.CacheWriteInputTokens is { } written)
            {
                response.Usage.AdditionalCounts = new() { ["CacheWriteInputTokens"] = written };
            }
        }

        if (converse.Metrics is { } metrics)
        {
            response.AdditionalProperties = new() { [LatencyMsKey] = metrics.LatencyMs };
        }

        return response;
    }

    public static ChatFinishReason? ToFinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "max_tokens" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        "content_filtered" or "guardrail_intervened" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(stopReason),
    };

    /// <summary>Anthropic Claude 4.5 and later reject <c>temperature</c> and <c>top_p</c> together.</summary>
    public static bool RejectsTemperatureWithTopP(string modelId)
    {
        var match = ClaudeVersion().Match(modelId);
        if (!match.Success)
        {
            return false;
        }

        var major = int.Parse(match.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = match.Groups["minor"].Success
            ? int.Parse(match.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        return major > 4 || (major == 4 && minor >= 5);
    }

    private static ConverseInferenceConfig ToInferenceConfig(ChatOptions? options, string modelId, int defaultMaxTokens)
    {
        var temperature = options?.Temperature;
        var topP = options?.TopP;
        if (temperature is not null && topP is not null && RejectsTemperatureWithTopP(modelId))
        {
            topP = null;
        }

        var stops = options?.StopSequences is { Count: > 0 } s ? s.ToList() : null;
        return new(options?.MaxOutputTokens ?? defaultMaxTokens, temperature, topP, stops);
    }

    // "claude-sonnet-4-5-20250929", "claude-opus-4-6-v1", "claude-3-7-sonnet-…"; a minor is 1–2 digits, a date is 8.
    [GeneratedRegex(@"anthropic\.claude-(?:[a-z]+-)?(?<major>\d{1,2})(?:-(?<minor>\d{1,2})(?=-|:|$))?(?=-|:|$)")]
    private static partial Regex ClaudeVersion();
}
