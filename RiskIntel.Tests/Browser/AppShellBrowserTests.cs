using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RiskIntel.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

[Trait("Category", "Slow")]
public sealed class AppShellBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private const string Admin = RiskIntelAppFactory.AdminEmail;
    private const string AdminPassword = RiskIntelAppFactory.AdminPassword;
    private static readonly LocatorAssertionsToHaveTextOptions Generous = new() { Timeout = 60_000 };

    [BrowserFact]
    public async Task Login_WrongPassword_ShowsAnErrorAndKeepsTheEmail()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/jobs");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

        await page.GetByTestId("login-email").FillAsync(Admin);
        await page.GetByTestId("login-password").FillAsync("not-the-password");
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("The email or password is not correct.");
        await Expect(page.GetByTestId("login-email")).ToHaveValueAsync(Admin);
    }

    [BrowserFact]
    public async Task PreviewSubmittedOverRest_RowReachesCompletedWithoutReload_AndDetailShowsTimeline()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.ScreenshotForDocsAsync("login");
        await page.SignInAsync(Admin, AdminPassword);
        await page.GetByTestId("nav-jobs").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/jobs$"));
        await page.EvaluateAsync("() => window.__sameDocument = true");

        using var api = await fixture.ApiClientAsync(Admin, AdminPassword);
        var response = await api.PostAsJsonAsync("/api/admin/prompts/preview", new
        {
            systemPrompt = "You are a risk analyst for agricultural cooperatives.",
            userPrompt = "Summarise the main risks of a maize cooperative with 400 ha, one borehole and a single buyer.",
        });
        var id = await response.AssertAcceptedJobAsync();

        var chip = page.GetByTestId($"job-status-{id}");
        await Expect(chip).ToHaveTextAsync("COMPLETED", Generous);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        await page.AssertUniqueTestIdsAsync();
        await page.ScreenshotForDocsAsync("my-jobs");

        await chip.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/jobs/{id}$"));
        var timeline = page.GetByTestId("job-timeline");
        await Expect(timeline).ToContainTextAsync("PROCESSING → COMPLETED");
        await Expect(page.GetByTestId("job-result-output")).ToContainTextAsync("Offline dry run");
        await Expect(page.GetByTestId("job-cancel")).ToHaveCountAsync(0);
        await page.AssertUniqueTestIdsAsync();
        await page.ScreenshotForDocsAsync("job-detail");

        await page.GetByTestId("nav-assessments").ClickAsync();
        await Expect(page.GetByTestId($"job-status-{id}")).ToHaveTextAsync("COMPLETED");
        await page.AssertUniqueTestIdsAsync();
        await page.ScreenshotForDocsAsync("dashboard");

        await page.GetByTestId("nav-admin-jobs").ClickAsync();
        await Expect(page.GetByTestId("stat-scheduler")).ToHaveTextAsync("Running");
        await Expect(page.GetByTestId($"job-status-{id}")).ToHaveTextAsync("COMPLETED");
        await page.AssertUniqueTestIdsAsync();
        await page.ScreenshotForDocsAsync("jobs-monitor");

        await page.GetByTestId("nav-admin-users").ClickAsync();
        await Expect(page.GetByTestId("user-table")).ToContainTextAsync(Admin);
        await page.AssertUniqueTestIdsAsync();
        await page.ScreenshotForDocsAsync("users");
        var newEmail = $"new-analyst-{Guid.NewGuid():N}@test.local";
        await page.GetByTestId("user-create").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await page.GetByTestId("user-email-input").ClickAsync();
        await page.GetByTestId("user-password-input").ClickAsync();
        await Expect(dialog).Not.ToContainTextAsync("Required");
        await page.GetByTestId("user-email-input").FillAsync("a");
        await page.GetByTestId("user-email-input").FillAsync("");
        await Expect(dialog).ToContainTextAsync("Required");
        await page.GetByTestId("user-email-input").FillAsync(newEmail);
        await page.GetByTestId("user-password-input").FillAsync("short");
        await page.GetByTestId("user-create-submit").ClickAsync();
        await Expect(page.GetByTestId("user-create-errors")).ToContainTextAsync("Passwords must be at least 10 characters.");
        await page.ScreenshotForDocsAsync("users-create-error");
        await page.GetByTestId("user-password-input").FillAsync("Analyst-Password-2");
        await page.GetByTestId("user-create-submit").ClickAsync();
        await Expect(page.GetByTestId("user-table")).ToContainTextAsync(newEmail);

        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await page.GetByTestId("nav-jobs").ClickAsync();
        await Expect(page.GetByTestId($"job-status-{id}")).ToHaveTextAsync("COMPLETED");
        await page.Locator(".mud-table-row", new() { HasText = "AI preview" }).First.ClickAsync();
        await Expect(page.GetByTestId("job-timeline")).ToBeVisibleAsync();
        await page.ScreenshotForDocsAsync("job-detail-dark");

        await page.GetByTestId("user-menu").ClickAsync();
        await Expect(page.GetByTestId("user-email")).ToHaveTextAsync(Admin);
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
        await page.GotoAsync("/jobs");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [BrowserFact]
    public async Task Analyst_SeesNoAdminNavigation_AndIsDeniedAdminPages()
    {
        var (_, email) = await fixture.App.NewUserAsync("Analyst");
        var page = await fixture.NewPageAsync();

        await page.SignInAsync(email, RiskIntelAppFactory.UserPassword);

        await Expect(page.GetByTestId("nav-jobs")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-prompts")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nav-admin-jobs")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nav-admin-users")).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/users");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("user-table")).ToHaveCountAsync(0);
    }
}
