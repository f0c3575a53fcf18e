using Microsoft.Extensions.AI;
using RiskIntel.Core.Ai.Offline;

namespace RiskIntel.Tests.Core.Ai;

public sealed class OfflineChatClientTests
{
    private const string Plan = "The cooperative grows maize on 400 hectares. Maize sales to regional mills provide most revenue. " +
        "The board meets twice a year. Irrigation depends on one borehole, and maize yields fell in the 2024 drought.";

    [Fact]
    public async Task GetResponse_IsALabelledDryRunWithPromptsTokensAndSummary()
    {
        using var client = new OfflineChatClient();

        var response = await client.GetResponseAsync([new(ChatRole.System, "You are a risk analyst."), new(ChatRole.User, Plan)]);

        Assert.StartsWith("[Offline dry run: no AI model was called.", response.Text, StringComparison.Ordinal);
        Assert.Contains("You are a risk analyst.", response.Text, StringComparison.Ordinal);
        Assert.Contains("Extractive summary", response.Text, StringComparison.Ordinal);
        Assert.Contains("- Maize sales to regional mills provide most revenue.", response.Text, StringComparison.Ordinal);
        Assert.Equal(OfflineChatClient.ModelId, response.ModelId);
        Assert.True(response.Usage!.InputTokenCount > 40);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task GetResponse_SameInputTwice_GivesTheSameAnswer()
    {
        using var client = new OfflineChatClient();

        var first = await client.GetResponseAsync([new(ChatRole.User, Plan)]);
        var second = await client.GetResponseAsync([new(ChatRole.User, Plan)]);

        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public void Summarize_PicksTheMostRepresentativeSentencesInOriginalOrder()
    {
        var summary = ExtractiveSummarizer.Summarize(Plan, maxSentences: 2);

        Assert.Equal(2, summary.Count);
        Assert.All(summary, s => Assert.Contains("maize", s, StringComparison.OrdinalIgnoreCase));
        Assert.True(Plan.IndexOf(summary[0], StringComparison.Ordinal) < Plan.IndexOf(summary[1], StringComparison.Ordinal));
    }
}
