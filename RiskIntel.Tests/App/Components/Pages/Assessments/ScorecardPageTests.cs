using Bunit;
using Microsoft.EntityFrameworkCore;
using RiskIntel.App.Components.Pages.Assessments;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Tests.App.Components.Analysis;

namespace RiskIntel.Tests.App.Components.Pages.Assessments;

public sealed class ScorecardPageTests : AnalysisComponentTestBase
{
    private const string Liquidity = "FINANCIAL.liquidity";
    private const string LiquidityQuote = "Cash at year end was KES 3.1 million against current liabilities of KES 61.4 million; the current ratio fell from 1.2 to 0.8.";

    [Fact]
    public async Task Scorecard_SeededAnalysis_ShowsScoresLevelsEvidenceDriversAndMitigation()
    {
        var assessment = await CreateAssessmentAsync();
        var analysis = await SeedAnalysisAsync(assessment.Id);

        var cut = Render<ScorecardPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForElement("[data-testid='overall-gauge']");

        Assert.Equal(ChartFormat.Score(analysis.OverallScore), cut.Find("[data-testid='overall-score']").TextContent);
        Assert.Equal(ChartFormat.Level(analysis.OverallLevel), cut.Find("[data-testid='overall-level']").TextContent);
        var cards = cut.FindAll("[data-testid^='category-'][data-score]");
        Assert.Equal(analysis.Scores.Select(c => $"category-{c.Category}"), cards.Select(c => c.GetAttribute("data-testid")));
        Assert.Equal(analysis.Scores.Select(c => ChartFormat.Score(c.Score)), cards.Select(c => c.QuerySelector("[data-testid='category-score']")!.TextContent));

        Expand(cut, "FINANCIAL");

        var liquidity = cut.Find($"[data-testid='subcategory-{Liquidity}']");
        Assert.Equal("76.0", liquidity.QuerySelector("[data-testid='subcategory-score']")!.TextContent);
        Assert.Equal("CRITICAL", liquidity.QuerySelector("[data-testid='subcategory-level']")!.TextContent);
        var quotes = liquidity.QuerySelectorAll("[data-testid='evidence-quote']");
        Assert.Equal(2, quotes.Length);
        Assert.Contains(LiquidityQuote, quotes[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("p. 7", quotes[0].TextContent, StringComparison.Ordinal);
        var drivers = liquidity.QuerySelectorAll("[data-testid='driver']");
        Assert.Equal(["+22", "+6"], drivers.Select(d => d.GetAttribute("data-effect")));
        Assert.Contains("current_ratio", drivers[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("minimum cash balance covenant", liquidity.QuerySelector("[data-testid='subcategory-mitigation']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(analysis.Scores[0].Narrative, cut.Find("[data-testid='category-narrative']").TextContent);
    }

    [Fact]
    public async Task Charts_AreCoresSvg_WithTheSameNumbersAsTheAnalysis()
    {
        var assessment = await CreateAssessmentAsync();
        var analysis = await SeedAnalysisAsync(assessment.Id);

        var cut = Render<ScorecardPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForElement("[data-testid='scorecard-radar']");
        Expand(cut, "FINANCIAL");

        var radar = Svg(cut.Find("[data-testid='scorecard-radar']").GetAttribute("src"));
        Assert.Equal(RiskIntel.Core.Reports.Charts.Svg.RadarSvg.Render(RiskChart.From(analysis).Radar, "Risk profile of " + assessment.CompanyName), radar);
        var bars = Svg(cut.Find("[data-testid='category-bars']").GetAttribute("src"));
        Assert.Contains(">76<", bars.Replace(".0<", "<", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_Clicked_ShowsItsDocumentPageWithTheQuoteHighlighted()
    {
        var assessment = await CreateAssessmentAsync();
        var pages = Enumerable.Range(1, 8).Select(n => $"Page {n} of the audited financial statements. Notes to the accounts follow.").ToArray();
        pages[6] = "Note 14 Liquidity.\n" + LiquidityQuote.Replace("; the current", ";\nthe current", StringComparison.Ordinal) + "\nThe board has approved a recovery plan.";
        var document = await SeedDocumentAsync(assessment.Id, pages);
        await SeedAnalysisAsync(assessment.Id, documentId: document);
        var cut = Render<ScorecardPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForElement("[data-testid='overall-gauge']");
        Expand(cut, "FINANCIAL");

        cut.Find($"[data-testid='subcategory-{Liquidity}'] [data-testid='evidence-quote']").Click();

        Dialogs.WaitForAssertion(() => Assert.Equal("7", Dialogs.Find("[data-testid='document-text']").GetAttribute("data-page")));
        var mark = Dialogs.Find("[data-testid='evidence-mark']");
        Assert.Equal(Squash(LiquidityQuote), Squash(mark.TextContent));
    }

    [Fact]
    public async Task Recommendation_EditedWithPriority_IsSaved_AndTheOriginalStaysVisible()
    {
        var assessment = await CreateAssessmentAsync();
        await SeedAnalysisAsync(assessment.Id);
        var cut = Render<ScorecardPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForElement("[data-testid='overall-gauge']");
        Expand(cut, "FINANCIAL");
        const string original = "Make clearing the 46-day arrears on the equipment lease a condition precedent to the first drawdown.";

        cut.Find("[data-testid='recommendation-rec-2'] [data-testid='recommendation-edit']").Click();
        cut.Find("[data-testid='recommendation-text']").Input("Clear the lease arrears and show the lessor's letter before the first drawdown.");
        var select = cut.FindComponent<MudBlazor.MudSelect<RecommendationPriority>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(RecommendationPriority.Medium));
        cut.Find("[data-testid='recommendation-save']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Clear the lease arrears and show the lessor's letter before the first drawdown.",
            cut.Find("[data-testid='recommendation-rec-2'] [data-testid='recommendation-current']").TextContent));
        var item = cut.Find("[data-testid='recommendation-rec-2']");
        Assert.Equal("MEDIUM", item.GetAttribute("data-priority"));
        Assert.Contains(original, item.QuerySelector("[data-testid='recommendation-original']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(HIGH)", item.QuerySelector("[data-testid='recommendation-original']")!.TextContent, StringComparison.Ordinal);
        var stored = (await new AnalysisQueries(Db).GetAsync(assessment.Id, UserId, null, default))!
            .Scores.SelectMany(c => c.Recommendations).Single(r => r.Id == "rec-2");
        Assert.Equal(RecommendationPriority.Medium, stored.Priority);
        Assert.Equal(original, stored.Original!.Text);
    }

    [Fact]
    public async Task Comment_Posted_AppearsInTheThread_AndAReplyNestsUnderIt()
    {
        var assessment = await CreateAssessmentAsync();
        await SeedAnalysisAsync(assessment.Id);
        var cut = Render<ScorecardPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForElement("[data-testid='comment-thread']");

        cut.Find("[data-testid='comment-input']").Input("Asked the treasurer for the March bank statements.");
        cut.Find("[data-testid='comment-post']").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid='comment']")));
        cut.Find("[data-testid='comment-reply']").Click();
        cut.Find("[data-testid='comment-reply-input']").Input("Received; cash matches the accounts.");
        cut.Find("[data-testid='comment-reply-post']").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid='comment']").Count));
        var stored = (await new AnalysisQueries(Db).ListCommentsAsync(assessment.Id, UserId, default))!;
        Assert.Equal("Asked the treasurer for the March bank statements.", stored[0].Content);
        Assert.Equal(stored[0].Id, stored[1].ParentId);
        Assert.Equal(UserEmail, stored[0].AuthorEmail);
        Assert.Contains("margin-left: 1.25rem", cut.FindAll("[data-testid='comment']")[1].GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_TwoVersions_ShowsTheChangedSubcategoryScoreLevelAndDriver()
    {
        var assessment = await CreateAssessmentAsync();
        await SeedAnalysisAsync(assessment.Id, 1);
        await SeedAnalysisAsync(assessment.Id, 2, f => f.Field == Liquidity
            ? f with { Score = 58, Drivers = [("current_ratio", 22, "Current ratio 0.8, down from 1.2"), ("cash_covenant", -18, "Minimum cash balance agreed with the bank")] }
            : f);
        var cut = Render<ScorecardPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForElement("[data-testid='overall-gauge']");

        cut.Find("[data-testid='compare-toggle']").Click();

        var change = cut.WaitForElement($"[data-testid='diff-{Liquidity}']");
        Assert.Equal("76.0 CRITICAL → 58.0 HIGH (\u221218)", change.QuerySelector("[data-testid='diff-score']")!.TextContent);
        Assert.Contains("cash_covenant (\u221218)", change.TextContent, StringComparison.Ordinal);
        Assert.Contains("seasonal_cash (+6)", change.TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid^='diff-FINANCIAL.'], [data-testid^='diff-MARKET.']"));
        Assert.NotNull(cut.Find("[data-testid='diff-category-FINANCIAL']"));
    }

    [Fact]
    public async Task GenerateReport_SubmitsReportGeneration_AndFollowsTheJobLiveToTheNewReport()
    {
        var assessment = await CreateAssessmentAsync();
        var analysis = await SeedAnalysisAsync(assessment.Id);
        var cut = Render<ScorecardPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForElement("[data-testid='overall-gauge']");

        cut.Find("[data-testid='report-generate']").Click();

        cut.WaitForAssertion(() => Assert.Equal("PENDING", cut.Find("[data-testid='report-job']").GetAttribute("data-status")));
        JobDto job;
        await using (var db = Db.CreateDbContext())
        {
            job = (await db.Jobs.SingleAsync(j => j.Type == JobType.ReportGeneration)).ToDto();
        }

        Assert.Equal(assessment.Id.ToString(), job.Input.GetProperty("assessmentId").GetString());
        Assert.True(cut.Find("[data-testid='report-generate']").HasAttribute("disabled"));
        await PublishAsync(job, JobStatus.Processing, progress: 50);
        cut.WaitForAssertion(() => Assert.Contains("50%", cut.Find("[data-testid='report-job']").TextContent, StringComparison.Ordinal));

        await SeedReportAsync(assessment.Id, analysis);
        await PublishAsync(job with { Status = JobStatus.Processing, UpdatedAt = job.UpdatedAt.AddSeconds(1) }, JobStatus.Completed, progress: 100);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='report-version-1']")));
        Assert.Empty(cut.FindAll("[data-testid='report-job']"));
        Assert.False(cut.Find("[data-testid='report-generate']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task NoAnalysisYet_SaysSo_AndLeadsToTheGapReview()
    {
        var assessment = await CreateAssessmentAsync();

        var cut = Render<ScorecardPage>(p => p.Add(c => c.Id, assessment.Id));

        cut.WaitForAssertion(() => Assert.Contains("has not been scored", cut.Find("[data-testid='scorecard-missing']").TextContent, StringComparison.Ordinal));
    }

    private static void Expand(IRenderedComponent<ScorecardPage> cut, string category) =>
        cut.Find($"[data-testid='category-{category}'] .mud-expand-panel-header").Click();

    private static string Svg(string? dataUri) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(dataUri!["data:image/svg+xml;base64,".Length..]));

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
