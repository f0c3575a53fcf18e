using Bunit;
using Microsoft.AspNetCore.WebUtilities;
using RiskIntel.App.Components.Pages.Reports;
using RiskIntel.App.Components.Reports;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.App.Components.Analysis;

namespace RiskIntel.Tests.App.Components.Pages.Reports;

public sealed class ReportPageTests : AnalysisComponentTestBase
{
    [Fact]
    public async Task Report_ShowsContentsChartsAndEverySectionOfTheReportModel()
    {
        var assessment = await CreateAssessmentAsync();
        await SeedDocumentAsync(assessment.Id, "Business plan page one.");
        var analysis = await SeedAnalysisAsync(assessment.Id);
        var report = await SeedReportAsync(assessment.Id, analysis);

        var cut = Render<ReportPage>(p => p.Add(c => c.Id, assessment.Id).Add(c => c.ReportId, report.ReportId));
        cut.WaitForElement("[data-testid='report']");

        Assert.Equal(assessment.CompanyName, cut.Find("[data-testid='report-company']").TextContent);
        var contents = cut.FindAll("[data-testid='report-contents'] a");
        Assert.Equal(ReportContents.Entries.Count, contents.Count);
        Assert.All(contents, a => Assert.StartsWith($"/assessments/{assessment.Id}/reports/{report.ReportId}#", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.All(ReportContents.Entries, e => Assert.NotNull(cut.Find($"#{e.Anchor}")));
        Assert.NotEmpty(cut.Find("[data-testid='report-summary']").TextContent.Trim());
        Assert.Equal(ChartFormat.Score(analysis.OverallScore), cut.Find("[data-testid='report-profile'] [data-testid='overall-score']").TextContent);
        Assert.StartsWith("data:image/svg+xml;base64,", cut.Find("[data-testid='report-radar']").GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(RiskTaxonomy.Categories.Select(c => $"report-category-{c.Key}"),
            cut.FindAll("[data-testid^='report-category-']").Select(s => s.GetAttribute("data-testid")));
        Assert.Equal(35, cut.FindAll("[data-testid^='report-category-'] [data-testid^='subcategory-'][role='listitem']").Count);
        Assert.Equal(analysis.Scores.Sum(c => c.Recommendations.Count), cut.FindAll("[data-testid='report-recommendation']").Count);
        Assert.Equal("HIGH", cut.FindAll("[data-testid='report-recommendation']")[0].GetAttribute("data-priority"));
        Assert.Contains("business-plan.pdf", cut.Find("[data-testid='report-appendix']").TextContent, StringComparison.Ordinal);
        Assert.Contains("offline-rules", cut.Find("[data-testid='report-appendix']").TextContent, StringComparison.Ordinal);
        Assert.Equal("Download PDF", cut.Find("[data-testid='report-download']").TextContent.Trim());
        Assert.Empty(cut.FindAll("button.ri-evidence-quote"));
    }

    [Fact]
    public async Task OlderVersions_StayListed_EachWithItsPdf()
    {
        var assessment = await CreateAssessmentAsync();
        var first = await SeedAnalysisAsync(assessment.Id, 1);
        var second = await SeedAnalysisAsync(assessment.Id, 2, f => f.Field == "FINANCIAL.liquidity" ? f with { Score = 58 } : f);
        var old = await SeedReportAsync(assessment.Id, first, 1);
        var current = await SeedReportAsync(assessment.Id, second, 2);

        var cut = Render<ReportPage>(p => p.Add(c => c.Id, assessment.Id).Add(c => c.ReportId, current.ReportId));
        cut.WaitForElement("[data-testid='report-versions']");

        Assert.Equal($"/api/reports/{old.ReportId}/pdf", cut.Find("[data-testid='report-pdf-1']").GetAttribute("href"));
        Assert.Equal($"/api/reports/{current.ReportId}/pdf", cut.Find("[data-testid='report-pdf-2']").GetAttribute("href"));
        Assert.Contains("this one", cut.Find("[data-testid='report-version-2']").TextContent, StringComparison.Ordinal);
        Assert.Contains("58.0", cut.Find("[data-testid='report-category-FINANCIAL']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopySignedLink_ShowsALinkThatVerifies_AndItsExpiry()
    {
        var assessment = await CreateAssessmentAsync();
        var report = await SeedReportAsync(assessment.Id, await SeedAnalysisAsync(assessment.Id));
        JSInterop.SetupModule("./Components/Reports/ReportToolbar.razor.js").Setup<bool>("copy", _ => true).SetResult(true);
        var cut = Render<ReportPage>(p => p.Add(c => c.Id, assessment.Id).Add(c => c.ReportId, report.ReportId));
        cut.WaitForElement("[data-testid='report-copy-link']");

        cut.Find("[data-testid='report-copy-link']").Click();

        var url = new Uri(cut.WaitForElement("[data-testid='report-link-url']").TextContent);
        Assert.Equal($"/api/reports/{report.ReportId}/pdf", url.AbsolutePath);
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.True(Links.IsValid(report.ReportId, query["expires"], query["sig"]));
        Assert.False(Links.IsValid(Guid.NewGuid(), query["expires"], query["sig"]));
        Assert.Equal(Clock.GetUtcNow().Add(ReportToolbar.LinkLifetime).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), query["expires"]);
        Assert.Contains("Link copied.", cut.Find("[data-testid='report-link']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_ShowsProgressWhileTheModuleFetches_ThenReturnsToTheButton()
    {
        var assessment = await CreateAssessmentAsync();
        var report = await SeedReportAsync(assessment.Id, await SeedAnalysisAsync(assessment.Id));
        var download = JSInterop.SetupModule("./Components/Reports/ReportToolbar.razor.js").SetupVoid("download", _ => true);
        var cut = Render<ReportPage>(p => p.Add(c => c.Id, assessment.Id).Add(c => c.ReportId, report.ReportId));
        cut.WaitForElement("[data-testid='report-download']");

        cut.Find("[data-testid='report-download']").Click();
        var toolbar = cut.FindComponent<ReportToolbar>();
        await cut.InvokeAsync(() => toolbar.Instance.OnProgress(91_000, 182_000));

        cut.WaitForAssertion(() => Assert.Contains("50%", cut.Find("[data-testid='report-download']").TextContent, StringComparison.Ordinal));
        Assert.Equal("downloading", cut.Find("[data-testid='report-download']").GetAttribute("data-state"));
        var call = Assert.Single(download.Invocations);
        Assert.Equal(report.ReportUrl, call.Arguments[0]);
        Assert.EndsWith("risk report v1.pdf", (string)call.Arguments[1]!, StringComparison.Ordinal);

        download.SetVoidResult();

        cut.WaitForAssertion(() => Assert.Equal("done", cut.Find("[data-testid='report-download']").GetAttribute("data-state")));
        Assert.Equal("Download PDF", cut.Find("[data-testid='report-download']").TextContent.Trim());
    }

    [Fact]
    public async Task ReportOfAnotherAssessment_IsNotShown()
    {
        var assessment = await CreateAssessmentAsync();
        var other = await CreateAssessmentAsync("Another one");
        var report = await SeedReportAsync(other.Id, await SeedAnalysisAsync(other.Id));

        var cut = Render<ReportPage>(p => p.Add(c => c.Id, assessment.Id).Add(c => c.ReportId, report.ReportId));

        cut.WaitForElement("[data-testid='report-not-found']");
    }
}
