using System.Text.Json;
using Microsoft.Extensions.AI;
using RiskIntel.Core.Ai.Structured;
using RiskIntel.Tests.Fakes;

namespace RiskIntel.Tests.Core.Ai.Structured;

public sealed class StructuredChatTests
{
    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "Give me { \"score\": number }")];

    [Fact]
    public async Task GetJson_ValidAnswerInFences_IsReadWithoutRepair()
    {
        var chat = new ScriptedChatClient("Here you go:\n```json\n{ \"score\": 42 }\n```");

        var answer = await StructuredChat.GetJsonAsync(chat, Prompt, ReadScore, null, CancellationToken.None);

        Assert.Equal(42, answer.Value.Score);
        Assert.Equal(0, answer.Repairs);
        Assert.Single(chat.Requests);
    }

    [Fact]
    public async Task GetJson_InvalidThenValid_ShowsTheModelItsErrorsOnce()
    {
        var chat = new ScriptedChatClient("{ \"score\": \"high\" }", "{ \"score\": 7 }");

        var answer = await StructuredChat.GetJsonAsync(chat, Prompt, ReadScore, null, CancellationToken.None);

        Assert.Equal(7, answer.Value.Score);
        Assert.Equal(1, answer.Repairs);
        Assert.Contains("score must be a number", chat.Requests[1][^1].Text, StringComparison.Ordinal);
        Assert.Equal(200, answer.InputTokens);
    }

    [Fact]
    public async Task GetJson_InvalidTwice_FailsWithAReadableNonRetryableError()
    {
        var chat = new ScriptedChatClient("I cannot answer that.", "still no JSON");

        var error = await Assert.ThrowsAsync<ModelOutputException>(
            () => StructuredChat.GetJsonAsync(chat, Prompt, ReadScore, null, CancellationToken.None));

        Assert.False(error.IsRetryable);
        Assert.Contains("no JSON object", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, chat.Requests.Count);
    }

    private static ScoreAnswer? ReadScore(JsonElement json, List<string> errors)
    {
        if (!json.TryGetProperty("score", out var score) || score.ValueKind != JsonValueKind.Number)
        {
            errors.Add("score must be a number");
            return null;
        }

        return new ScoreAnswer(score.GetInt32());
    }

    private sealed record ScoreAnswer(int Score);
}
