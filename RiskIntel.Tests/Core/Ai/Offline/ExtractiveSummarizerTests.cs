using RiskIntel.Core.Ai.Offline;

namespace RiskIntel.Tests.Core.Ai.Offline;

public sealed class ExtractiveSummarizerTests
{
    [Fact]
    public void Summarize_OneWordRepeated47000TimesInOneSentence_DoesNotOverflow()
    {
        var text = string.Join(' ', Enumerable.Repeat("borehole", 47_000));

        var summary = ExtractiveSummarizer.Summarize(text, maxSentences: 3);

        Assert.Single(summary);
    }

    [Fact]
    public void Summarize_BusinessPlan_PicksTheSentencesWithTheMostFrequentWordsInOrder()
    {
        const string plan = "The cooperative grows maize on 400 ha. Maize prices fell in 2023. The office has two computers. "
            + "Irrigation from one borehole waters the maize fields.";

        var summary = ExtractiveSummarizer.Summarize(plan, maxSentences: 2);

        Assert.Equal(["The cooperative grows maize on 400 ha.", "Irrigation from one borehole waters the maize fields."], summary);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abcd", 1)]
    [InlineData("abcde", 2)]
    public void Estimate_RoundsUpToWholeTokens(string text, int tokens) => Assert.Equal(tokens, TokenEstimator.Estimate(text));
}
