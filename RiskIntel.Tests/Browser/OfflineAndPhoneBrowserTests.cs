using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;
using RiskIntel.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

/// <summary>Pages that need no internet, fit a phone and a laptop, keep the chosen theme from the first paint, and show local times.</summary>
[Trait("Category", "Slow")]
public sealed class OfflineAndPhoneBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private const string Admin = RiskIntelAppFactory.AdminEmail;
    private const string AdminPassword = RiskIntelAppFactory.AdminPassword;

    [BrowserFact]
    public async Task SignInPage_PaintsWithNoNetwork_WhereAnExternalStylesheetWouldHang()
    {
        var page = await fixture.NewPageAsync();
        var external = new List<string>();
        var heldBack = new TaskCompletionSource<IRoute>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.Context.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "127.0.0.1" or "localhost")
            {
                await route.ContinueAsync();
                return;
            }

            // A machine without internet: the request is never answered.
            lock (external)
            {
                external.Add(route.Request.Url);
            }

            heldBack.TrySetResult(route);
        });

        await page.GotoAsync("/account/login");
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('first-contentful-paint').length > 0", null, new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("async () => { await document.fonts.ready; return document.fonts.check('500 16px Roboto'); }"),
            "Roboto did not load from the app");
        Assert.Empty(external);

        // The control: the same measure on a page whose stylesheet comes from outside stays unpainted while that request hangs.
        await page.Context.RouteAsync("**/__external-font-control", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = "<html><head><link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css?family=Roboto\"></head><body><h1>Sign in</h1></body></html>",
        }));
        var control = await page.Context.NewPageAsync();
        _ = control.GotoAsync("/__external-font-control", new() { WaitUntil = WaitUntilState.Commit });
        var hanging = await heldBack.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(await control.EvaluateAsync<bool>("() => performance.getEntriesByName('first-contentful-paint').length > 0"));
        await hanging.AbortAsync();
        await control.WaitForFunctionAsync("() => performance.getEntriesByName('first-contentful-paint').length > 0", null, new() { Timeout = 10_000 });

        await page.SignInAsync(Admin, AdminPassword, "/");
        await Expect(page.GetByTestId("dashboard-greeting")).ToBeVisibleAsync();
        Assert.Equal(["https://fonts.googleapis.com/css?family=Roboto"], external);
        Assert.Equal("image/svg+xml", await page.EvaluateAsync<string>("() => document.querySelector('link[rel=icon]').type"));
    }

    [BrowserFact]
    public async Task Phone_PromptEditorSaveIsOnScreen_AndNoPageScrollsSideways()
    {
        using var api = await fixture.ApiClientAsync(Admin, AdminPassword);
        var prompt = (await api.GetFromJsonAsync<JsonElement>($"{PromptApi.Root}?search=Default%20risk%20analysis")).GetProperty("items")[0];
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await page.SignInAsync(Admin, AdminPassword, $"/prompts/{prompt.GetProperty("id").GetGuid()}");

        var save = page.GetByTestId("prompt-save");
        await Expect(save).ToBeInViewportAsync();
        var box = (await save.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"Save spans {box.X}..{box.X + box.Width} in a 390px window");
        await page.AssertNoHorizontalOverflowAsync();
        await page.ScreenshotForDocsAsync("prompt-editor-phone");

        foreach (var path in new[] { "/jobs", "/", "/admin/jobs", "/prompts" })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await page.AssertNoHorizontalOverflowAsync();
            await page.AssertUniqueTestIdsAsync();
        }

        var draft = await (await api.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "Summarise: maize on 400 ha, one borehole." })).AssertAcceptedJobAsync();
        await fixture.App.WaitForAsync(draft, JobStatus.Completed);
        await page.GotoAsync("/jobs");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("filter-type")).ToBeInViewportAsync();
        await Expect(page.GetByTestId($"job-status-{draft}")).ToHaveTextAsync("COMPLETED");
        await page.AssertNoHorizontalOverflowAsync();
        await page.ScreenshotForDocsAsync("my-jobs-phone");
    }

    [BrowserFact]
    public async Task Monitor_At1280_ShowsTheUpdatedColumnWhole_AndTimesAreInTheBrowsersZone()
    {
        var (analyst, _) = await fixture.App.NewUserAsync("Analyst");
        var analystId = (await analyst.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString()!;
        var longOwner = fixture.App.Services.GetRequiredService<JobService>();
        await longOwner.SubmitAsync(PromptPreview.Draft(null, "A plan with {{many}} words.", null, null, analystId), default);
        var page = await fixture.NewPageAsync(timeZone: "Asia/Tokyo");
        await page.SignInAsync(Admin, AdminPassword, "/admin/jobs");

        var updated = page.GetByTestId("job-table").Locator("th", new() { HasText = "Updated" });

        // The table sits below the activity charts: scrolled to, its last column must still fit the window's width.
        await updated.ScrollIntoViewIfNeededAsync();
        await Expect(updated).ToBeInViewportAsync(new() { Ratio = 1 });
        var lastCell = page.GetByTestId("job-table").Locator("tbody tr").First.Locator("td").Last;
        var cell = (await lastCell.BoundingBoxAsync())!;
        Assert.True(cell.X + cell.Width <= 1280, $"the Updated cell ends at {cell.X + cell.Width}px in a 1280px window");
        await page.AssertNoHorizontalOverflowAsync();
        Assert.EndsWith("(Asia/Tokyo)", await lastCell.Locator("time").GetAttributeAsync("title"), StringComparison.Ordinal);
        Assert.EndsWith("+09:00", await lastCell.Locator("time").GetAttributeAsync("datetime"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task DarkMode_ChosenOnce_IsInTheServersFirstRenderOfTheNextPage()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(Admin, AdminPassword, "/jobs");

        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await page.WaitForFunctionAsync("() => document.cookie.includes('riskintel-theme=dark')");

        // The HTML as the server sends it, before any script runs: already dark, so a reload does not flash light.
        var response = await page.Context.APIRequest.GetAsync("/jobs", new() { Headers = new Dictionary<string, string> { ["Accept"] = "text/html" } });
        var html = await response.TextAsync();
        var background = Regex.Match(html, "--mud-palette-background:\\s*(?<value>[^;]+);").Groups["value"].Value;
        Assert.Matches("(?i)^(#121816(ff)?|rgba?\\(18,\\s*24,\\s*22\\b.*)$", background);

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => document.body !== null && getComputedStyle(document.body).backgroundColor === 'rgb(18, 24, 22)'");
        await page.WaitForInteractiveAsync();
        await page.ScreenshotForDocsAsync("my-jobs-dark");
    }
}
