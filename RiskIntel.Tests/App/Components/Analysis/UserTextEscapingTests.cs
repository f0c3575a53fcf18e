using Bunit;
using RiskIntel.App.Components.Pages.Assessments;
using RiskIntel.App.Components.Pages.Reports;
using RiskIntel.Core.Assessments;

namespace RiskIntel.Tests.App.Components.Analysis;

/// <summary>Names, quotes and comments are the user's text: they must come out as text on the scorecard and in the web report.</summary>
public sealed class UserTextEscapingTests : AnalysisComponentTestBase
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(2)>";

    [Fact]
    public async Task Scorecard_NameQuoteAndComment_WithMarkup_AreShownEscaped()
    {
        var assessment = await Assessments.CreateAsync(new AssessmentDetails("Dairy " + Script, "Co-op " + Script, "Cooperative", "Kenya"), UserId, default);
        await SeedAnalysisAsync(assessment.Id, edit: f => f.Field == "FINANCIAL.revenue" ? f with { Quote = "Sales " + Image, Correction = "Checked " + Script } : f);
        var cut = Render<ScorecardPage>(p => p.Add(c => c.Id, assessment.Id));
        cut.WaitForElement("[data-testid='overall-gauge']");
        cut.Find("[data-testid='category-FINANCIAL'] .mud-expand-panel-header").Click();

        cut.Find("[data-testid='comment-input']").Input("Said " + Image + Script);
        cut.Find("[data-testid='comment-post']").Click();
        cut.WaitForElement("[data-testid='comment-content']");

        Assert.Contains("Co-op &lt;script&gt;alert(1)&lt;/script&gt;", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Sales &lt;img src=x onerror=alert(2)&gt;", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Checked &lt;script&gt;", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Said " + Image + Script, cut.Find("[data-testid='comment-content']").TextContent);
        AssertNoInjectedElements(cut);
    }

    [Fact]
    public async Task Report_CompanyNameAndQuote_WithMarkup_AreShownEscaped()
    {
        var assessment = await Assessments.CreateAsync(new AssessmentDetails("Dairy " + Image, "Co-op " + Script, "Cooperative", "Kenya"), UserId, default);
        var analysis = await SeedAnalysisAsync(assessment.Id, edit: f => f.Field == "FINANCIAL.revenue" ? f with { Quote = "Sales " + Image } : f);
        var report = await SeedReportAsync(assessment.Id, analysis);

        var cut = Render<ReportPage>(p => p.Add(c => c.Id, assessment.Id).Add(c => c.ReportId, report.ReportId));
        cut.WaitForElement("[data-testid='report']");

        Assert.Equal("Co-op " + Script, cut.Find("[data-testid='report-company']").TextContent);
        Assert.Contains("Co-op &lt;script&gt;alert(1)&lt;/script&gt;", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Sales &lt;img src=x onerror=alert(2)&gt;", cut.Markup, StringComparison.Ordinal);
        AssertNoInjectedElements(cut);
    }

    private static void AssertNoInjectedElements<T>(IRenderedComponent<T> cut)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img[onerror]"));
        Assert.All(cut.FindAll("img"), img => Assert.StartsWith("data:image/svg+xml;base64,", img.GetAttribute("src"), StringComparison.Ordinal));
    }
}
