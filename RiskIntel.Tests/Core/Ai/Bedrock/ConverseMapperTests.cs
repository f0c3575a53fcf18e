using System.Text.Json;
using Microsoft.Extensions.AI;
using RiskIntel.Core.Ai.Bedrock;
using RiskIntel.Core.Errors;

namespace RiskIntel.Tests.Core.Ai.Bedrock;

public sealed class ConverseMapperTests
{
    private const string Sonnet45 = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    [Fact]
    public void ToRequest_SystemMessagesAndInstructions_GoToSystemInOrder()
    {
        var request = ConverseMapper.ToRequest(
            [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hi")],
            new ChatOptions { Instructions = "You are RiskIntel." },
            Sonnet45,
            512);

        Assert.Equal(["You are RiskIntel.", "Be brief."], request.System!.Select(s => s.Text));
        var message = Assert.Single(request.Messages);
        Assert.Equal("user", message.Role);
    }

    [Fact]
    public void ToRequest_ConsecutiveSameRoleAndBlankText_AreMergedAndDropped()
    {
        var request = ConverseMapper.ToRequest(
            [
                new(ChatRole.User, "one"),
                new(ChatRole.User, "  "),
                new(ChatRole.User, "two"),
                new(ChatRole.Assistant, "answer  "),
                new(ChatRole.Assistant, ""),
                new(ChatRole.User, "three"),
            ],
            null,
            Sonnet45,
            512);

        Assert.Equal(["user", "assistant", "user"], request.Messages.Select(m => m.Role));
        Assert.Equal(["one", "two"], request.Messages[0].Content.Select(c => c.Text));
        Assert.Equal("answer", Assert.Single(request.Messages[1].Content).Text);
    }

    [Fact]
    public void ToRequest_NoNonBlankMessage_IsAValidationError()
    {
        Assert.Throws<InputValidationException>(() => ConverseMapper.ToRequest([new(ChatRole.User, " ")], null, Sonnet45, 512));
    }

    [Fact]
    public void ToRequest_Options_FillInferenceConfigAndDefaultMaxTokens()
    {
        var options = new ChatOptions { Temperature = 0.2f, StopSequences = ["END"] };

        var withOptions = ConverseMapper.ToRequest([new(ChatRole.User, "Hi")], options, Sonnet45, 512).InferenceConfig!;
        var explicitMax = ConverseMapper.ToRequest([new(ChatRole.User, "Hi")], new ChatOptions { MaxOutputTokens = 99 }, Sonnet45, 512).InferenceConfig!;

        Assert.Equal(512, withOptions.MaxTokens);
        Assert.Equal(0.2f, withOptions.Temperature);
        Assert.Equal(["END"], withOptions.StopSequences!);
        Assert.Equal(99, explicitMax.MaxTokens);
    }

    [Theory]
    [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0", true)]
    [InlineData("global.anthropic.claude-haiku-4-5-20251001-v1:0", true)]
    [InlineData("anthropic.claude-opus-4-6-v1", true)]
    [InlineData("anthropic.claude-sonnet-4-6", true)]
    [InlineData("anthropic.claude-sonnet-4-20250514-v1:0", false)]
    [InlineData("anthropic.claude-opus-4-1-20250805-v1:0", false)]
    [InlineData("us.anthropic.claude-3-7-sonnet-20250219-v1:0", false)]
    [InlineData("amazon.nova-pro-v1:0", false)]
    public void RejectsTemperatureWithTopP_KnowsClaude45AndLater(string modelId, bool expected)
    {
        Assert.Equal(expected, ConverseMapper.RejectsTemperatureWithTopP(modelId));
    }

    [Fact]
    public void ToRequest_Claude45WithTemperatureAndTopP_SendsOnlyTemperature()
    {
        var options = new ChatOptions { Temperature = 0.3f, TopP = 0.9f };

        var claude45 = ConverseMapper.ToRequest([new(ChatRole.User, "Hi")], options, Sonnet45, 512).InferenceConfig!;
        var claude37 = ConverseMapper.ToRequest([new(ChatRole.User, "Hi")], options, "anthropic.claude-3-7-sonnet-20250219-v1:0", 512).InferenceConfig!;

        Assert.Equal(0.3f, claude45.Temperature);
        Assert.Null(claude45.TopP);
        Assert.Equal(0.9f, claude37.TopP);
    }

    [Fact]
    public void ToRequest_Serialized_LeavesUnsetMembersOut()
    {
        var request = ConverseMapper.ToRequest([new(ChatRole.User, "Hi")], null, Sonnet45, 512);

        var json = JsonSerializer.Serialize(request, ConverseJson.Options);

        Assert.Equal("""{"messages":[{"role":"user","content":[{"text":"Hi"}]}],"inferenceConfig":{"maxTokens":512}}""", json);
    }

    [Theory]
    [InlineData("end_turn", "stop")]
    [InlineData("stop_sequence", "stop")]
    [InlineData("max_tokens", "length")]
    [InlineData("tool_use", "tool_calls")]
    [InlineData("guardrail_intervened", "content_filter")]
    [InlineData("content_filtered", "content_filter")]
    [InlineData("model_context_window_exceeded", "model_context_window_exceeded")]
    public void ToFinishReason_MapsStopReasons(string stopReason, string expected)
    {
        Assert.Equal(expected, ConverseMapper.ToFinishReason(stopReason)!.Value.Value);
    }

    [Fact]
    public void ToChatResponse_UsageLatencyAndModel_AreFilled()
    {
        var converse = JsonSerializer.Deserialize<ConverseResponse>(
            """
            {"output":{"message":{"role":"assistant","content":[{"text":"Hello "},{"text":"there"}]}},
             "stopReason":"end_turn","usage":{"inputTokens":12,"outputTokens":3,"totalTokens":15,"cacheReadInputTokens":4},
             "metrics":{"latencyMs":321},"unknownMember":{"p":"padding"}}
            """,
            ConverseJson.Options)!;

        var response = ConverseMapper.ToChatResponse(converse, Sonnet45, "req-1");

        Assert.Equal("Hello there", response.Text);
        Assert.Equal(Sonnet45, response.ModelId);
        Assert.Equal("req-1", response.ResponseId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(12, response.Usage!.InputTokenCount);
        Assert.Equal(3, response.Usage.OutputTokenCount);
        Assert.Equal(15, response.Usage.TotalTokenCount);
        Assert.Equal(4, response.Usage.CachedInputTokenCount);
        Assert.Equal(321L, response.AdditionalProperties![ConverseMapper.LatencyMsKey]);
    }
}
