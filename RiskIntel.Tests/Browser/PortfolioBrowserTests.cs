using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RiskIntel.Core.Persistence;
using RiskIntel.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

/// <summary>
/// The portfolio in Chromium: seeded analyses beside one the offline engine scores while the page is open, the row
/// filling in without a reload; sorting and the level filter through the URL; a phone scrolls the table, not the page.
/// With RISKINTEL_SCREENSHOTS=1 it takes the page wide and on a phone, light and dark.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PortfolioBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private static readonly (string Name, string Company, string Country, double[] Scores)[] Book =
    [
        ("Tumaini dairy 2026", "Tumaini Dairy Farmers' Co-operative Society", "Kenya", [62, 71, 38, 45, 55, 48, 66]),
        ("Mwangaza avocado 2026", "Mwangaza Avocado Growers Self-Help Group", "Kenya", [28, 52, 22, 31, 40, 35, 58]),
        ("Gulu sesame 2026", "Gulu Sesame Farmers' Union", "Uganda", [84, 79, 68, 74, 63, 86, 90]),
        ("Kigezi tea 2026", "Kigezi Highland Tea Estates Ltd", "Uganda", [18, 24, 12, 20, 27, 15, 33]),
        ("Arusha coffee 2026", "Arusha Coffee Growers Cooperative", "Tanzania", [44, 49, 51, 42, 47, 39, 61]),
        ("Huye rice 2026", "Huye Rice Producers <Cooperative>", "Rwanda", [35, 66, 29, 54, 33, 41, 47]),
    ];

    private static readonly LocatorAssertionsToBeVisibleOptions Generous = new() { Timeout = 90_000 };

    [BrowserFact]
    public async Task Analyst_SeesTheBookAsAHeatMap_WatchesANewAnalysisArrive_SortsFiltersAndUsesItOnAPhone()
    {
        var (_, email) = await fixture.App.NewUserAsync("Analyst");
        using var api = await fixture.ApiClientAsync(email, RiskIntelAppFactory.UserPassword);
        var db = fixture.App.Services.GetRequiredService<IDbContextFactory<RiskIntelDbContext>>();
        var seeded = new List<Guid>();
        foreach (var (name, company, country, scores) in Book)
        {
            var id = await CreateAsync(api, name, company, country);
            await PortfolioSeed.AnalysisAsync(db, id, DateTime.UtcNow.AddDays(-seeded.Count - 1), scores);
            seeded.Add(id);
        }

        var draft = await CreateAsync(api, "Mbale arabica 2027", "Mbale Arabica Outgrowers", "Uganda");
        var pipeline = new PipelineDriver(fixture.App, api);
        var live = await pipeline.UploadSampleAsync();
        await pipeline.CorrectAsync(live);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(email, RiskIntelAppFactory.UserPassword);
        await page.GetByTestId("nav-portfolio").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/portfolio$"));
        await Expect(page.GetByTestId($"portfolio-row-{seeded[2]}")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");
        await Expect(page.GetByTestId($"portfolio-cell-{live}-overall")).ToHaveTextAsync(new Regex("—"));

        await pipeline.AnalyzeAsync(live);

        await Expect(page.GetByTestId($"portfolio-cell-{live}-overall")).ToHaveTextAsync(new Regex(@"\d+\.\d"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId($"portfolio-link-{live}")).ToHaveAttributeAsync("href", $"/assessments/{live}/scorecard");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        await Expect(page.GetByTestId($"portfolio-link-{draft}")).ToHaveAttributeAsync("href", $"/assessments/{draft}");
        await ExpectFirstRowAsync(page, seeded[2]);
        await page.AssertUniqueTestIdsAsync();
        await ShootAsync(page, "portfolio");

        await page.GetByTestId("portfolio-sort-FINANCIAL").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"sort=FINANCIAL&desc=true$"));
        await page.GetByTestId("portfolio-sort-FINANCIAL").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"sort=FINANCIAL$"));
        await ExpectFirstRowAsync(page, seeded[3]);

        await page.GetByTestId("portfolio-level-CRITICAL").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("level=CRITICAL"));
        await Expect(page.GetByTestId($"portfolio-row-{seeded[3]}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"portfolio-row-{seeded[2]}")).ToBeVisibleAsync();
        await page.GetByTestId("portfolio-level-CRITICAL").ClickAsync();
        await Expect(page.Locator("tr[data-testid^='portfolio-row-']")).ToHaveCountAsync(Book.Length + 2);

        await page.GetByTestId($"portfolio-row-{seeded[0]}").Locator("td").Nth(3).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/assessments/{seeded[0]}/scorecard$"));

        await page.GotoAsync("/portfolio");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByTestId($"portfolio-row-{seeded[2]}")).ToBeVisibleAsync();
        await page.AssertNoHorizontalOverflowAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => { const s = document.querySelector('.ri-portfolio-scroll'); return s.scrollWidth > s.clientWidth; }"),
            "on a phone the heat map should scroll inside its box");
        await ShootAsync(page, "portfolio-mobile", fullPage: true);
    }

    private static async Task<Guid> CreateAsync(HttpClient api, string name, string company, string country)
    {
        var response = await api.PostAsJsonAsync("/api/assessments", new { name, companyName = company, companyType = "Cooperative", country });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Id();
    }

    private static Task ExpectFirstRowAsync(IPage page, Guid id) =>
        Expect(page.Locator("tr[data-testid^='portfolio-row-']").First).ToHaveAttributeAsync("data-testid", $"portfolio-row-{id}");

    /// <summary>Light, then dark through the app's own toggle, then light again for what follows.</summary>
    private static async Task ShootAsync(IPage page, string name, bool fullPage = false)
    {
        if (Environment.GetEnvironmentVariable("RISKINTEL_SCREENSHOTS") != "1")
        {
            return;
        }

        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotForDocsAsync(name, fullPage);
        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await page.WaitForFunctionAsync("() => document.cookie.includes('riskintel-theme=dark')");
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotForDocsAsync(name + "-dark", fullPage);
        await page.GetByTestId("dark-mode-toggle").ClickAsync();
    }
}
