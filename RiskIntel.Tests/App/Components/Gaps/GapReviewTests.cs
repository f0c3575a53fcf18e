using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.App.Components.Gaps;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.App.Components.Assessments;

namespace RiskIntel.Tests.App.Components.Gaps;

public sealed class GapReviewTests : AssessmentComponentTestBase
{
    private const string Revenue = "FINANCIAL.revenue";

    [Fact]
    public async Task Review_GroupsTheFieldsByCategory_InTaxonomyOrder_WithCountsPerStatus()
    {
        var assessment = await CreateAssessmentAsync();
        await SeedGapsAsync(assessment.Id, status: f => f.Category switch
        {
            "FINANCIAL" => f.Key is Revenue or "FINANCIAL.credit" ? GapStatus.Verified : GapStatus.Partial,
            "MARKET" => GapStatus.Verified,
            _ => null,
        });

        var cut = await RenderReviewAsync(assessment);

        var categories = cut.FindAll("[data-testid^='gap-category-']").Select(c => c.GetAttribute("data-testid")).ToList();
        Assert.Equal(RiskTaxonomy.Categories.Select(c => $"gap-category-{c.Key}"), categories);
        Assert.Equal(["2", "3", "0"], Counts(cut, "FINANCIAL"));
        Assert.Equal(["5", "0", "0"], Counts(cut, "MARKET"));
        Assert.Equal(["0", "0", "5"], Counts(cut, "TECHNOLOGY_DATA"));
        var financial = cut.Find("[data-testid='gap-category-FINANCIAL']");
        Assert.Equal(RiskTaxonomy.Categories[0].Fields.Select(f => $"gap-field-{f.Key}"),
            financial.QuerySelectorAll("button").Select(b => b.GetAttribute("data-testid")));
        Assert.Equal("VERIFIED", cut.Find($"[data-testid='gap-field-{Revenue}']").GetAttribute("data-status"));
        Assert.Contains("7 verified", cut.Find("[data-testid='gap-summary']").TextContent.Replace("\n", " ", StringComparison.Ordinal).Squash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_IsSavedOnlyAfterAPauseInTyping_ThenShowsSaved()
    {
        var assessment = await CreateAssessmentAsync();
        await SeedGapsAsync(assessment.Id);
        var cut = await RenderReviewAsync(assessment, field: Revenue);

        cut.Find("[data-testid='gap-correction']").Input("Milk sales were KES 310 million in 2024 (audited accounts).");
        Clock.Advance(GapReview.SaveDelay - TimeSpan.FromMilliseconds(1));

        Assert.Equal("Pending", cut.Find("[data-testid='correction-state']").GetAttribute("data-state"));
        Assert.Null((await GapAsync(assessment.Id, Revenue)).Correction);

        Clock.Advance(TimeSpan.FromMilliseconds(1));

        cut.WaitForAssertion(() => Assert.Equal("Saved", cut.Find("[data-testid='correction-state']").GetAttribute("data-state")));
        Assert.Contains("Saved", cut.Find("[data-testid='correction-state']").TextContent, StringComparison.Ordinal);
        Assert.Equal("Milk sales were KES 310 million in 2024 (audited accounts).", (await GapAsync(assessment.Id, Revenue)).Correction);
    }

    [Fact]
    public async Task Correction_TypedOnWithinThePause_IsSavedOnceWithTheLastText()
    {
        var assessment = await CreateAssessmentAsync();
        await SeedGapsAsync(assessment.Id);
        var cut = await RenderReviewAsync(assessment, field: Revenue);
        var before = (await GapAsync(assessment.Id, Revenue)).Version;

        cut.Find("[data-testid='gap-correction']").Input("Milk sales");
        Clock.Advance(TimeSpan.FromMilliseconds(500));
        cut.Find("[data-testid='gap-correction']").Input("Milk sales of KES 310 million");
        Clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Null((await GapAsync(assessment.Id, Revenue)).Correction);
        Clock.Advance(TimeSpan.FromMilliseconds(300));

        cut.WaitForAssertion(() => Assert.Equal("Saved", cut.Find("[data-testid='correction-state']").GetAttribute("data-state")));
        var saved = await GapAsync(assessment.Id, Revenue);
        Assert.Equal("Milk sales of KES 310 million", saved.Correction);
        Assert.Equal(before + 1, saved.Version);
    }

    [Fact]
    public async Task Correction_LongerThanTheLimit_IsSavedCutToTheLimit()
    {
        var assessment = await CreateAssessmentAsync();
        await SeedGapsAsync(assessment.Id);
        var cut = await RenderReviewAsync(assessment, field: Revenue);

        cut.Find("[data-testid='gap-correction']").Input(new string('x', 4100));
        Clock.Advance(GapReview.SaveDelay);

        cut.WaitForAssertion(() => Assert.Equal("Saved", cut.Find("[data-testid='correction-state']").GetAttribute("data-state")));
        Assert.Equal(4000, (await GapAsync(assessment.Id, Revenue)).Correction!.Length);
    }

    [Fact]
    public async Task SelectingAField_TurnsTheTextToItsEvidencePage_AndMarksTheQuoteWhitespaceInsensitively()
    {
        var assessment = await CreateAssessmentAsync();
        var documentId = await SeedDocumentAsync(assessment.Id,
            "1. Executive summary\nThe Society collects, chills and markets raw milk.",
            "9.1 Revenue\nIn 2024 milk sales\nreached KES 310.4 million, up from KES 262.0 million in 2023.\nInput sales added KES 18 million.",
            "10. Risks\nDrought remains the largest risk.");
        const string quote = "In 2024 milk sales reached KES 310.4 million";
        await SeedGapsAsync(assessment.Id, status: f => f.Key == Revenue ? GapStatus.Verified : null,
            evidence: f => f.Key == Revenue ? [new Evidence(quote, 2, documentId)] : []);
        var documents = await Services.GetRequiredService<DocumentQueries>().ListAsync(assessment.Id, UserId, default);

        var cut = await RenderReviewAsync(assessment, documents: documents!);
        cut.Find($"[data-testid='gap-field-{Revenue}']").Click();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid='document-text']").GetAttribute("data-page")));
        var mark = cut.WaitForElement("[data-testid='evidence-mark']");
        Assert.Equal("In 2024 milk sales\nreached KES 310.4 million", mark.TextContent);
        Assert.Contains("Page 2 of 3", cut.Find("[data-testid='document-text-page']").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid='evidence-mark']"));
    }

    [Fact]
    public async Task Submit_WithRequiredFieldsOpen_ListsWhatTheServerFoundMissing()
    {
        var assessment = await CreateAssessmentAsync();
        await SeedGapsAsync(assessment.Id,
            status: f => f.Key == Revenue ? GapStatus.Verified : GapStatus.Partial,
            mandatory: f => f.Key is Revenue or "FINANCIAL.credit" or "GOVERNANCE_LEGAL.legal_structure");
        var cut = await RenderReviewAsync(assessment);

        cut.Find("[data-testid='gap-submit']").Click();

        var missing = cut.WaitForElement("[data-testid='gap-missing']");
        Assert.Contains("Financial · Credit", missing.TextContent, StringComparison.Ordinal);
        Assert.Contains("Governance & Legal · Legal structure", missing.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Revenue", missing.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain((await Jobs.ListAsync(UserId, new JobListQuery(), default)).Items, j => j.Type == JobType.RiskAnalysis);
    }

    [Fact]
    public async Task Submit_WithEveryRequiredFieldResolved_StartsTheRiskAnalysis()
    {
        var assessment = await CreateAssessmentAsync();
        await SeedGapsAsync(assessment.Id, status: f => f.Category == "FINANCIAL" ? GapStatus.Verified : null, mandatory: f => f.Category == "FINANCIAL");
        var cut = await RenderReviewAsync(assessment);

        cut.Find("[data-testid='gap-submit']").Click();

        cut.WaitForAssertion(() => Assert.Contains("Risk analysis started", cut.Find("[data-testid='gap-message']").TextContent, StringComparison.Ordinal));
        Assert.Contains((await Jobs.ListAsync(UserId, new JobListQuery(), default)).Items, j => j.Type == JobType.RiskAnalysis);
        Assert.Empty(cut.FindAll("[data-testid='gap-missing']"));
    }

    private static string[] Counts(IRenderedComponent<GapReview> cut, string category) =>
        [.. cut.Find($"[data-testid='gap-counts-{category}']").QuerySelectorAll(".ri-gap-count").Select(c => c.TextContent.Trim())];

    private async Task<IRenderedComponent<GapReview>> RenderReviewAsync(
        AssessmentDto assessment, string? field = null, IReadOnlyList<DocumentDto>? documents = null)
    {
        var current = await new AssessmentQueries(Db).GetAsync(assessment.Id, UserId, default);
        var cut = Render<GapReview>(p => p
            .Add(c => c.Assessment, current!)
            .Add(c => c.Documents, documents ?? [])
            .Add(c => c.UserId, UserId)
            .Add(c => c.Field, field));
        cut.WaitForElement("[data-testid='gap-list']");
        return cut;
    }
}

internal static class TextExtensions
{
    public static string Squash(this string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
