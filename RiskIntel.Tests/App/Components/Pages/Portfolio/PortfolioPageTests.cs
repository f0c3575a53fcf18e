using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.App.Components.Pages.Portfolio;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Portfolio;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Components.Pages.Portfolio;

public sealed class PortfolioPageTests : ComponentTestBase
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    public PortfolioPageTests()
        : base(fixture => fixture.Services.AddSingleton(new PortfolioQueries(((PortfolioPageTests)fixture).Db)))
    {
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task Cells_TakeTheirLevelsColour_ShowTheScore_AndNameTheLevelForScreenReaders()
    {
        var id = await ScoredAsync("Tumaini dairy 2026", "Kenya", 12.5, 30, 55.25, 80, 24.9, 49.9, 75);

        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='portfolio-row-{id}']")));
        foreach (var (category, score, level) in new[] { ("FINANCIAL", "12.5", RiskLevel.Low), ("CLIMATE_ENVIRONMENTAL", "30.0", RiskLevel.Moderate),
                     ("BEHAVIORAL", "55.3", RiskLevel.High), ("OPERATIONAL", "80.0", RiskLevel.Critical), ("TECHNOLOGY_DATA", "75.0", RiskLevel.Critical) })
        {
            var cell = cut.Find($"[data-testid='portfolio-cell-{id}-{category}']");
            Assert.Contains($"background-color: {LevelPalette.For(level).Hex}", cell.GetAttribute("style"), StringComparison.Ordinal);
            Assert.Equal(RiskLevels.Name(level), cell.GetAttribute("data-level"));
            Assert.Equal(score, cell.QuerySelector(".ri-heat-score")!.TextContent);
            Assert.Equal(level.ToString(), cell.QuerySelector(".ri-visually-hidden")!.TextContent);
            Assert.Contains($"{score} ({level})", cell.GetAttribute("title"), StringComparison.Ordinal);
        }

        var overall = cut.Find($"[data-testid='portfolio-cell-{id}-overall']");
        Assert.Equal("Moderate", overall.QuerySelector(".ri-heat-level")!.TextContent);
        Assert.Contains("color: #1B1B1B", cut.Find($"[data-testid='portfolio-cell-{id}-BEHAVIORAL']").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SortHeader_PutsTheSortInTheUrl_RiskiestFirst_AndASecondClickReversesIt()
    {
        var safe = await ScoredAsync("Safe", "Kenya", 10, 50, 50, 50, 50, 50, 50);
        var risky = await ScoredAsync("Risky", "Kenya", 90, 20, 20, 20, 20, 20, 20);
        var draft = await DraftAsync("Draft", "Kenya");
        Navigation.NavigateTo("/portfolio");
        var cut = Render<PortfolioPage>();
        cut.WaitForAssertion(() => Assert.Equal([safe, risky, draft], RowIds(cut)));

        cut.Find("[data-testid='portfolio-sort-FINANCIAL']").Click();

        Assert.EndsWith("/portfolio?sort=FINANCIAL&desc=true", Navigation.Uri, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal([risky, safe, draft], RowIds(cut)));
        Assert.Equal("descending", cut.Find("[data-testid='portfolio-sort-FINANCIAL']").Closest("th")!.GetAttribute("aria-sort"));

        cut.Find("[data-testid='portfolio-sort-FINANCIAL']").Click();

        Assert.EndsWith("/portfolio?sort=FINANCIAL", Navigation.Uri, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal([safe, risky, draft], RowIds(cut)));
        Assert.Equal("ascending", cut.Find("[data-testid='portfolio-sort-FINANCIAL']").Closest("th")!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task LevelAndCountryFromTheUrl_ShowOnlyThoseRows_AndALevelToggleChangesTheUrl()
    {
        var high = await ScoredAsync("Kenyan high", "Kenya", 60, 60, 60, 60, 60, 60, 60);
        await ScoredAsync("Kenyan low", "Kenya", 10, 10, 10, 10, 10, 10, 10);
        await ScoredAsync("Ugandan high", "Uganda", 60, 60, 60, 60, 60, 60, 60);
        Navigation.NavigateTo("/portfolio?level=HIGH&country=Kenya");

        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.Equal([high], RowIds(cut)));
        Assert.Equal("true", cut.Find("[data-testid='portfolio-level-HIGH']").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("[data-testid='portfolio-level-LOW']").GetAttribute("aria-pressed"));

        cut.Find("[data-testid='portfolio-level-LOW']").Click();

        Assert.EndsWith("/portfolio?level=LOW,HIGH&country=Kenya", Uri.UnescapeDataString(Navigation.Uri), StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(2, RowIds(cut).Count));
    }

    [Fact]
    public async Task Rows_LinkToTheScorecardOnceAnalysed_ElseToTheAssessment_AndShowMarkupInNamesAsText()
    {
        var scored = await ScoredAsync("Tumaini dairy 2026", "Kenya", 40, 40, 40, 40, 40, 40, 40);
        var draft = await DraftAsync("<img src=x onerror=alert(1)>", "Kenya", company: "Meru <script>alert('x')</script> Growers & Sons");

        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, RowIds(cut).Count));
        Assert.Equal($"/assessments/{scored}/scorecard", cut.Find($"[data-testid='portfolio-link-{scored}']").GetAttribute("href"));
        Assert.Equal($"/assessments/{draft}", cut.Find($"[data-testid='portfolio-link-{draft}']").GetAttribute("href"));
        var row = cut.Find($"[data-testid='portfolio-row-{draft}']");
        Assert.Empty(row.QuerySelectorAll("img, script"));
        Assert.Equal("<img src=x onerror=alert(1)>", cut.Find($"[data-testid='portfolio-link-{draft}']").TextContent);
        Assert.Contains("Meru <script>alert('x')</script> Growers & Sons", row.TextContent, StringComparison.Ordinal);
        Assert.All(row.QuerySelectorAll("td.ri-heat"), cell => Assert.Equal("—Not analysed", cell.TextContent.Trim()));
    }

    [Fact]
    public void NoAssessments_ExplainsHowTheyGetHere()
    {
        var cut = Render<PortfolioPage>();

        cut.WaitForAssertion(() => Assert.Contains("submit them for risk analysis", cut.Find("[data-testid='portfolio-empty']").TextContent, StringComparison.Ordinal));
        Assert.Equal("/assessments", cut.Find("[data-testid='portfolio-empty'] a").GetAttribute("href"));
    }

    [Fact]
    public async Task RiskAnalysisOfARow_Completing_FillsItsCellsLive()
    {
        var id = await DraftAsync("Ndaragwa dairy 2026", "Kenya");
        var cut = Render<PortfolioPage>();
        cut.WaitForAssertion(() => Assert.Equal("Draft", cut.Find($"[data-testid='portfolio-status-{id}']").TextContent.Trim()));
        var job = (await Jobs.SubmitAsync(new JobSubmission(JobType.RiskAnalysis, new JsonObject { ["assessmentId"] = id }, UserId), default)).Job;

        await PortfolioSeed.AnalysisAsync(Db, id, Now, 70, 70, 70, 70, 70, 70, 90);
        await PublishAsync(job, JobStatus.Completed, 100);

        cut.WaitForAssertion(() => Assert.Equal("72.9", cut.Find($"[data-testid='portfolio-cell-{id}-overall'] .ri-heat-score").TextContent));
        Assert.Equal("Complete", cut.Find($"[data-testid='portfolio-status-{id}']").TextContent.Trim());
        Assert.Equal($"/assessments/{id}/scorecard", cut.Find($"[data-testid='portfolio-link-{id}']").GetAttribute("href"));
    }

    private static List<Guid> RowIds(IRenderedComponent<PortfolioPage> cut) =>
        cut.FindAll("tr[data-testid^='portfolio-row-']").Select(r => Guid.Parse(r.GetAttribute("data-testid")!["portfolio-row-".Length..])).ToList();

    private Task<Guid> DraftAsync(string name, string country, string? company = null) =>
        PortfolioSeed.AssessmentAsync(Db, UserId, name, company ?? $"{name} Farmers' Co-operative", country, Now);

    private async Task<Guid> ScoredAsync(string name, string country, params double[] scores)
    {
        var id = await DraftAsync(name, country);
        await PortfolioSeed.AnalysisAsync(Db, id, Now, scores);
        return id;
    }
}
