using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

public static class PageExtensions
{
    /// <summary>Signs in through the login form and waits until the app's circuit is interactive.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password, string path = "/")
    {
        await page.GotoAsync(path);
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Clicks made before the Blazor circuit is up are lost: the layout marks the moment it is.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Expect(page.Locator("[data-interactive='true']")).ToBeAttachedAsync(new() { Timeout = 30_000 });

    /// <summary>Every data-testid on the page names one element: a hook that matches two is no hook.</summary>
    public static async Task AssertUniqueTestIdsAsync(this IPage page)
    {
        var duplicates = await page.EvaluateAsync<string[]>(
            "() => Object.entries([...document.querySelectorAll('[data-testid]')].reduce((n, e) => (n[e.dataset.testid] = (n[e.dataset.testid] || 0) + 1, n), {}))"
            + ".filter(([, count]) => count > 1).map(([id, count]) => id + ' x' + count)");
        Assert.True(duplicates.Length == 0, $"Duplicate data-testid on {page.Url}: {string.Join(", ", duplicates)}");
    }

    /// <summary>Nothing sticks out sideways: the page is no wider than the window (a phone shows no horizontal scroll).</summary>
    public static async Task AssertNoHorizontalOverflowAsync(this IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(sizes[0] <= sizes[1], $"{page.Url} is {sizes[0]}px wide in a {sizes[1]}px window.");
    }

    /// <summary>Saves a screenshot to docs/screenshots when RISKINTEL_SCREENSHOTS=1 (kept out of ordinary runs).</summary>
    public static async Task ScreenshotForDocsAsync(this IPage page, string name, bool fullPage = false)
    {
        if (Environment.GetEnvironmentVariable("RISKINTEL_SCREENSHOTS") != "1")
        {
            return;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RiskIntel.sln")))
        {
            root = root.Parent;
        }

        var folder = Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
    }
}
