using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskIntel.Core.Ai.Bedrock;

// The subset of the Converse wire shapes RiskIntel sends and reads; unknown response members are ignored.
internal sealed record ConverseRequest(
    IReadOnlyList<ConverseMessage> Messages,
    IReadOnlyList<ConverseSystemBlock>? System,
    ConverseInferenceConfig? InferenceConfig);

internal sealed record ConverseMessage(string Role, List<ConverseContentBlock> Content);

internal sealed record ConverseSystemBlock(string Text);

internal sealed record ConverseContentBlock(string? Text = null, ConverseToolUse? ToolUse = null);

internal sealed record ConverseToolUse(string ToolUseId, string Name, JsonElement Input);

internal sealed record ConverseInferenceConfig(
    int? MaxTokens, float? Temperature, float? TopP, IReadOnlyList<string>? StopSequences);

internal sealed record ConverseResponse(
    ConverseOutput? Output, string? StopReason, ConverseUsage? Usage, ConverseMetrics? Metrics);

internal sealed record ConverseOutput(ConverseMessage? Message);

internal sealed record ConverseUsage(
    long InputTokens, long OutputTokens, long TotalTokens, long? CacheReadInputTokens, long? CacheWriteInputTokens);

internal sealed record ConverseMetrics(long LatencyMs);

internal static class ConverseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
