using Microsoft.Playwright;
using RiskIntel.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

public sealed partial class ScorecardBrowserTests
{
    private static bool Screenshots => Environment.GetEnvironmentVariable("RISKINTEL_SCREENSHOTS") == "1";

    /// <summary>
    /// A second analysis version after a changed correction (so the comparison has something to show), then the
    /// scorecard, an opened category, the comparison and the report, wide and on a phone, light and dark.
    /// </summary>
    private static async Task TakeScreenshotsAsync(IPage page, PipelineDriver pipeline, Guid assessmentId)
    {
        if (!Screenshots)
        {
            return;
        }

        await pipeline.CorrectAsync(assessmentId, new Dictionary<string, string>
        {
            ["CLIMATE_ENVIRONMENTAL.weather_exposure"] = "We hold crop insurance with APA since 2023 and members' plots have drip irrigation from a borehole.",
        });
        await pipeline.AnalyzeAsync(assessmentId);
        var reportUrl = page.Url;
        foreach (var (width, height, size) in new[] { (1280, 800, ""), (390, 844, "-mobile") })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var dark in new[] { false, true })
            {
                await page.GotoAsync($"/assessments/{assessmentId}");
                await page.WaitForInteractiveAsync();
                await SetDarkAsync(page, dark);
                await Expect(page.GetByTestId("scorecard-banner")).ToBeVisibleAsync();
                await DismissSnackbarsAsync(page);
                await page.ScreenshotForDocsAsync("assessment-scored" + size + (dark ? "-dark" : ""));
                await page.GetByTestId("scorecard-link").ClickAsync();
                await ShootAsync(page, size + (dark ? "-dark" : ""), width < 600, reportUrl);
            }
        }

        await SetDarkAsync(page, false);
    }

    private static async Task ShootAsync(IPage page, string suffix, bool phone, string reportUrl)
    {
        await Expect(page.GetByTestId("overall-gauge")).ToBeVisibleAsync();
        await DismissSnackbarsAsync(page);
        await page.AssertNoHorizontalOverflowAsync();
        await page.ScreenshotForDocsAsync("scorecard" + suffix, fullPage: phone);

        await page.GetByTestId("category-FINANCIAL").Locator(".mud-expand-panel-header").ClickAsync();
        await Expect(page.GetByTestId("category-bars")).ToBeVisibleAsync();
        await page.GetByTestId("category-FINANCIAL").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => document.querySelector('[data-testid=category-FINANCIAL]').scrollIntoView()");
        await page.AssertNoHorizontalOverflowAsync();
        await page.ScreenshotForDocsAsync("scorecard-category" + suffix);

        await page.GetByTestId("category-FINANCIAL").Locator("button[data-testid='evidence-quote']").First.ClickAsync();
        await Expect(page.GetByTestId("evidence-mark").First).ToBeVisibleAsync();
        await page.ScreenshotForDocsAsync("scorecard-evidence" + suffix);
        await page.GetByTestId("evidence-close").ClickAsync();
        await Expect(page.GetByTestId("document-text")).ToHaveCountAsync(0);

        await page.GetByTestId("compare-toggle").ClickAsync();
        await Expect(page.GetByTestId("version-diff")).ToBeVisibleAsync();
        await page.GetByTestId("compare-panel").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => document.querySelector('[data-testid=compare-panel]').scrollIntoView()");
        await page.ScreenshotForDocsAsync("scorecard-compare" + suffix);

        await page.GotoAsync(reportUrl);
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("report-company")).ToBeVisibleAsync();
        await page.AssertNoHorizontalOverflowAsync();
        await page.ScreenshotForDocsAsync("report" + suffix);
        await page.EvaluateAsync("() => document.getElementById('profile').scrollIntoView()");
        await page.ScreenshotForDocsAsync("report-profile" + suffix);
        await page.EvaluateAsync("() => document.getElementById('category-financial').scrollIntoView()");
        await page.ScreenshotForDocsAsync("report-category" + suffix);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.GetByTestId("report-copy-link").ClickAsync();
        await Expect(page.GetByTestId("report-link-url")).ToContainTextAsync("sig=");
        await page.ScreenshotForDocsAsync("report-link" + suffix);
        if (!phone)
        {
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.ScreenshotForDocsAsync("report-print" + suffix);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }
    }

    private static async Task SetDarkAsync(IPage page, bool dark)
    {
        var toggle = page.GetByTestId("dark-mode-toggle");
        var isDark = await page.EvaluateAsync<bool>("() => document.cookie.includes('riskintel-theme=dark')");
        if (isDark != dark)
        {
            await toggle.ClickAsync();
            await page.WaitForFunctionAsync(dark ? "() => document.cookie.includes('riskintel-theme=dark')" : "() => !document.cookie.includes('riskintel-theme=dark')");
        }
    }

    private static async Task DismissSnackbarsAsync(IPage page)
    {
        var close = page.Locator(".mud-snackbar button.mud-icon-button");
        for (var index = await close.CountAsync() - 1; index >= 0; index--)
        {
            await close.Nth(index).ClickAsync(new() { Timeout = 5_000 });
        }

        await page.Mouse.MoveAsync(0, 0);
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }
}
