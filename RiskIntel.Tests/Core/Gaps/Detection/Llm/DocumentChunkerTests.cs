using RiskIntel.Core.Ai.Offline;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps.Detection.Llm;

namespace RiskIntel.Tests.Core.Gaps.Detection.Llm;

public sealed class DocumentChunkerTests
{
    [Fact]
    public void Split_AShortDocument_IsOnePartWithPageMarkers()
    {
        var parts = DocumentChunker.Split([Document("plan.pdf", "First page text.", "", "Third page text.")], 24_000);

        Assert.Equal("[page 1]\nFirst page text.\n\n[page 3]\nThird page text.", Assert.Single(parts));
    }

    [Fact]
    public void Split_SeveralDocuments_NameTheFileInTheMarker()
    {
        var parts = DocumentChunker.Split([Document("plan.pdf", "Plan text."), Document("accounts.docx", "Accounts text.")], 24_000);

        Assert.Contains("[plan.pdf, page 1]\nPlan text.", parts[0], StringComparison.Ordinal);
        Assert.Contains("[accounts.docx, page 1]\nAccounts text.", parts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_ALongDocument_FillsPartsWithinTheBudgetAndSendsEveryPageOnce()
    {
        var sample = PlanFiles.Load(Path.Combine(PlanFiles.SamplesFolder, "kenya-dairy-cooperative-business-plan.md"));

        var parts = DocumentChunker.Split([sample], 1_500);

        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.True(TokenEstimator.Estimate(p) <= 1_500, $"part of {TokenEstimator.Estimate(p)} tokens"));
        Assert.All(sample.Pages, page => Assert.Single(parts, p => p.Contains($"[page {page.Page}]\n{page.Text.Trim()}", StringComparison.Ordinal)));
    }

    [Fact]
    public void Split_APageLargerThanAPart_IsCutAndMarkedContinued()
    {
        var page = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Paragraph {i} says the co-operative collected milk from members on every route."));

        var parts = DocumentChunker.Split([Document("plan.pdf", page)], 200);

        Assert.True(parts.Count > 1);
        Assert.StartsWith("[page 1]\nParagraph 1 ", parts[0], StringComparison.Ordinal);
        Assert.StartsWith("[page 1, continued]\n", parts[1], StringComparison.Ordinal);
        Assert.All(parts, p => Assert.True(TokenEstimator.Estimate(p) <= 200));
    }

    private static DocumentText Document(string name, params string[] pages) =>
        new(Guid.NewGuid(), name, pages.Select((t, i) => new PageText(i + 1, t)).ToList());
}
