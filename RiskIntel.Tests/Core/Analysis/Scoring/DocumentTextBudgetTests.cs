using RiskIntel.Core.Ai.Offline;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

public sealed class DocumentTextBudgetTests
{
    private static readonly DocumentText[] Plans = [PlanFixtures.Tumaini, PlanFixtures.Mwangaza];

    [Fact]
    public void Compose_TextWithinTheBudget_IsSentWholeWithPageMarkers()
    {
        var budgeted = DocumentTextBudget.Compose(Plans, new AnalysisText(Plans), [], 24_000);

        Assert.False(budgeted.Truncated);
        Assert.Equal(budgeted.TotalTokens, budgeted.SentTokens);
        Assert.Contains("[page 5]\n10. Implementation Plan", budgeted.Text, StringComparison.Ordinal);
        Assert.Contains(PlanFixtures.AllText(PlanFixtures.Mwangaza).Split('\n')[^1], budgeted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TextOverTheBudget_KeepsEvidenceAndEveryDocumentsBeginningWithinTheBudget()
    {
        var evidence = new[] { new Evidence("Data is backed up every Friday to an external hard drive", 4, PlanFixtures.TumainiDocument) };
        var text = new AnalysisText(Plans);

        var budgeted = DocumentTextBudget.Compose(Plans, text, evidence, 1_200);

        Assert.True(budgeted.Truncated);
        Assert.InRange(budgeted.SentTokens, 900, 1_200);
        Assert.InRange(TokenEstimator.Estimate(budgeted.Text), 900, 1_200);
        Assert.True(budgeted.TotalTokens > 5_000);
        Assert.StartsWith(DocumentTextBudget.CutNotice, budgeted.Text, StringComparison.Ordinal);
        Assert.Contains("Data is backed up every Friday to an external hard drive that the manager keeps at home.", budgeted.Text, StringComparison.Ordinal);
        Assert.Contains("TUMAINI DAIRY FARMERS' CO-OPERATIVE SOCIETY LTD", budgeted.Text, StringComparison.Ordinal);
        Assert.Contains("MWANGAZA AVOCADO GROWERS SELF-HELP GROUP", budgeted.Text, StringComparison.Ordinal);
        Assert.Contains("[…] Data is backed up", budgeted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_CutText_IsMadeOfVerbatimSentences()
    {
        var text = new AnalysisText(Plans);

        var budgeted = DocumentTextBudget.Compose(Plans, text, [], 1_500);

        var kept = text.Sentences.Where(s => budgeted.Text.Contains(s.Text, StringComparison.Ordinal)).ToList();
        Assert.True(kept.Count > 20);
        Assert.All(kept, s => Assert.NotNull(text.Verifier.Verify(s.Text, s.Page, s.DocumentId)));
    }
}
