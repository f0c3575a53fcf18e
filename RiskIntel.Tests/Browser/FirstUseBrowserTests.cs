using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;
using RiskIntel.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

/// <summary>What a first-time user meets with jobs: each one told apart, and admins following anyone's.</summary>
[Trait("Category", "Slow")]
public sealed class FirstUseBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private const string Admin = RiskIntelAppFactory.AdminEmail;
    private const string AdminPassword = RiskIntelAppFactory.AdminPassword;
    private static readonly LocatorAssertionsToHaveTextOptions Generous = new() { Timeout = 60_000 };

    [BrowserFact]
    public async Task TwoJobsStartedInTheSameSecond_ShowDifferentIdsAndTheirLabels_InRowsAndTheTabTitle()
    {
        using var api = await fixture.ApiClientAsync(Admin, AdminPassword);
        var prompt = (await api.GetFromJsonAsync<JsonElement>($"{PromptApi.Root}?search=Default%20risk%20analysis")).GetProperty("items")[0];
        var variables = prompt.GetProperty("variables").EnumerateArray().ToDictionary(v => v.GetString()!, v => "Acme Coop");
        var submissions = await Task.WhenAll(
            api.PostAsJsonAsync("/api/admin/prompts/preview", new { promptId = prompt.GetProperty("id").GetGuid(), variables }),
            api.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = $"Summarise the plan {Guid.NewGuid():N}: maize, one borehole." }));
        var stored = await submissions[0].AssertAcceptedJobAsync();
        var draft = await submissions[1].AssertAcceptedJobAsync();
        var jobs = fixture.App.Services.GetRequiredService<JobService>();
        var (a, b) = ((await jobs.GetAsync(stored, null, default))!, (await jobs.GetAsync(draft, null, default))!);
        Assert.True(Math.Abs((a.CreatedAt - b.CreatedAt).TotalSeconds) < 1, "the two jobs were not started within a second");
        Assert.Equal(stored.ToString("N")[..8], draft.ToString("N")[..8]);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(Admin, AdminPassword, "/jobs");

        var storedId = page.GetByTestId($"job-short-id-{stored}");
        var draftId = page.GetByTestId($"job-short-id-{draft}");
        await Expect(storedId).ToHaveTextAsync(JobLabels.ShortId(stored));
        await Expect(draftId).ToHaveTextAsync(JobLabels.ShortId(draft));
        Assert.NotEqual(await storedId.TextContentAsync(), await draftId.TextContentAsync());
        await Expect(page.GetByTestId($"job-label-{stored}")).ToHaveTextAsync(new Regex("^Default risk analysis · v\\d+$"));
        await Expect(page.GetByTestId($"job-label-{draft}")).ToHaveTextAsync("Draft preview");
        await page.AssertUniqueTestIdsAsync();

        await page.GetByTestId($"job-label-{stored}").ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex($"^Default risk analysis · v\\d+ · {JobLabels.ShortId(stored)} · RiskIntel$"));
        await Expect(page.GetByTestId("job-heading")).ToHaveTextAsync(new Regex("^Default risk analysis · v\\d+$"));
        await Expect(page.GetByTestId($"job-status-{stored}")).ToHaveTextAsync("COMPLETED", Generous);
        await page.AssertUniqueTestIdsAsync();
    }

    [BrowserFact]
    public async Task Admin_OpensAnotherUsersJobFromTheMonitor_AndFiltersByOwnerAndError()
    {
        var (analyst, email) = await fixture.App.NewUserAsync("Analyst");
        var analystId = (await analyst.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString()!;
        var jobs = fixture.App.Services.GetRequiredService<JobService>();
        var theirs = (await jobs.SubmitAsync(PromptPreview.Draft(null, "Summarise {{partner}}'s plan.", null, null, analystId), default)).Job;
        await fixture.App.WaitForAsync(theirs.Id, JobStatus.Failed);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(Admin, AdminPassword, "/admin/jobs");
        await Expect(page.GetByTestId($"job-owner-{theirs.Id}")).ToHaveTextAsync(email);
        await page.GetByTestId("filter-owner").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = email }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"owner={analystId}"));
        await page.GetByTestId("filter-error").FillAsync("unknown variable");
        await Expect(page).ToHaveURLAsync(new Regex("error=unknown(%20|\\+)variable"));
        await Expect(page.GetByTestId("job-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await page.AssertUniqueTestIdsAsync();
        await page.ScreenshotForDocsAsync("jobs-monitor-filtered");

        // The filters live in the address: a reload keeps them.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId($"job-owner-{theirs.Id}")).ToHaveTextAsync(email);
        await Expect(page.GetByTestId("job-table").Locator("tbody tr")).ToHaveCountAsync(1);

        await page.GetByTestId($"job-label-{theirs.Id}").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/jobs/{theirs.Id}$"));
        await Expect(page.GetByTestId("job-owner")).ToHaveTextAsync(email);
        await Expect(page.GetByTestId("job-not-found")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("job-error-sentence")).ToContainTextAsync("No value was given for {{partner}}.");
        await Expect(page.GetByTestId("job-error-detail")).ToHaveCountAsync(0);
        await page.GetByTestId("job-error-toggle").ClickAsync();
        await Expect(page.GetByTestId("job-error-detail")).ToHaveTextAsync("ValidationException: unknown variable {{partner}}");
        await page.AssertUniqueTestIdsAsync();
        await page.ScreenshotForDocsAsync("job-detail-admin-failed");
    }
}
