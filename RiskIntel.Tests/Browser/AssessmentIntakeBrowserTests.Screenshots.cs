using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

public sealed partial class AssessmentIntakeBrowserTests
{
    /// <summary>
    /// The dashboard, the documents tab and the gap review, wide and on a phone, light and dark. It moves through
    /// the app by its own links, so the theme chosen with the toggle stays without a reload.
    /// </summary>
    private static async Task TakeScreenshotsAsync(IPage page, Guid assessmentId)
    {
        if (!Screenshots)
        {
            return;
        }

        await page.GotoAsync("/assessments");
        await page.WaitForInteractiveAsync();
        foreach (var (width, height, size) in new[] { (1280, 800, ""), (390, 844, "-mobile") })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var theme in new[] { "", "-dark" })
            {
                if (theme.Length > 0)
                {
                    await page.GetByTestId("dark-mode-toggle").ClickAsync();
                }

                await ShootPagesAsync(page, assessmentId, size + theme, phone: width < 600);
                await page.Locator(".mud-breadcrumbs a", new() { HasText = "Assessments" }).ClickAsync();
            }

            await page.GetByTestId("dark-mode-toggle").ClickAsync();
        }
    }

    private static async Task ShootPagesAsync(IPage page, Guid assessmentId, string suffix, bool phone)
    {
        await DismissSnackbarsAsync(page);
        await Expect(page.GetByTestId($"assessment-link-{assessmentId}")).ToBeVisibleAsync();
        await page.ScreenshotForDocsAsync("assessments" + suffix, fullPage: phone);

        await page.GetByTestId($"assessment-link-{assessmentId}").ClickAsync();
        await Expect(page.GetByTestId("document-list")).ToBeVisibleAsync();
        await page.ScreenshotForDocsAsync("assessment-documents" + suffix, fullPage: phone);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Gap review" }).ClickAsync();
        await page.GetByTestId("gap-field-MARKET.distribution_channels").ClickAsync();
        await DismissSnackbarsAsync(page);
        await Expect(page.GetByTestId("evidence-mark").First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotForDocsAsync("assessment-gaps" + suffix);
        if (phone)
        {
            await page.EvaluateAsync("() => document.getElementById('gap-detail-anchor').scrollIntoView()");
            await page.ScreenshotForDocsAsync("assessment-gaps-detail" + suffix);
            await page.GetByTestId("document-text").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotForDocsAsync("assessment-gaps-text" + suffix);
        }
    }

    private static bool Screenshots => Environment.GetEnvironmentVariable("RISKINTEL_SCREENSHOTS") == "1";

    /// <summary>A screenshot for the docs, without the completion announcements that would cover the page.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Screenshots)
        {
            await DismissSnackbarsAsync(page);
            await page.ScreenshotForDocsAsync(name);
        }
    }

    private static async Task DismissSnackbarsAsync(IPage page)
    {
        var close = page.Locator(".mud-snackbar button.mud-icon-button");
        for (var index = await close.CountAsync() - 1; index >= 0; index--)
        {
            await close.Nth(index).ClickAsync(new() { Timeout = 5_000 });
        }

        // A snackbar under the pointer stays.
        await page.Mouse.MoveAsync(0, 0);

        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }
}
