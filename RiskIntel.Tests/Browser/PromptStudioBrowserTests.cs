using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RiskIntel.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

[Trait("Category", "Slow")]
public sealed class PromptStudioBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private const string Admin = RiskIntelAppFactory.AdminEmail;
    private const string AdminPassword = RiskIntelAppFactory.AdminPassword;
    private static readonly LocatorAssertionsToHaveTextOptions Generous = new() { Timeout = 60_000 };

    [BrowserFact]
    public async Task AdminEditsADraftAndRunsPreview_StatusBecomesCompletedAndOutputAppearsWithoutReload()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(Admin, AdminPassword, "/prompts");
        await Expect(page.GetByTestId("prompt-table")).ToContainTextAsync("Default risk analysis");
        await page.ScreenshotForDocsAsync("prompt-library");

        await page.GetByRole(AriaRole.Link, new() { Name = "Default risk analysis" }).ClickAsync();
        await Expect(page.GetByTestId("prompt-version")).ToHaveTextAsync("v1");
        await page.EvaluateAsync("() => window.__sameDocument = true");
        await page.GetByTestId("prompt-user").FillAsync("Partner: {{companyName}} ({{country}}). Summarise the plan: maize, 400 ha, one borehole, 120 members.");
        await page.GetByTestId("variable-companyName").FillAsync("Acme Coop");
        await page.GetByTestId("variable-country").FillAsync("Kenya");
        await Expect(page.GetByTestId("prompt-dirty")).ToBeVisibleAsync();

        await page.GetByTestId("prompt-preview").ClickAsync();

        await Expect(page.GetByTestId("preview-status")).ToHaveTextAsync("COMPLETED", Generous);
        await Expect(page.GetByTestId("preview-output")).ToContainTextAsync("Offline dry run");
        await Expect(page.GetByTestId("preview-output")).ToContainTextAsync("Acme Coop (Kenya)");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotForDocsAsync("prompt-editor-preview");

        await page.GetByTestId("prompt-save").ClickAsync();
        await Expect(page.GetByTestId("prompt-version")).ToHaveTextAsync("v2");
        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Expect(page.GetByText("Restore v1")).ToBeVisibleAsync();
        await page.GetByText("Restore v1").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotForDocsAsync("prompt-history");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Compare versions (2)" }).ClickAsync();
        foreach (var (name, value) in new[] { ("companyType", "cooperative"), ("gaps", "[]"), ("documentText", "Maize, 400 ha, one borehole.") })
        {
            await page.GetByTestId($"variable-{name}-compare").FillAsync(value);
        }

        await page.AssertUniqueTestIdsAsync();
        await page.GetByTestId("compare-run").ClickAsync();
        await Expect(page.GetByTestId("preview-status-a")).ToHaveTextAsync("COMPLETED", Generous);
        await Expect(page.GetByTestId("preview-status-b")).ToHaveTextAsync("COMPLETED", Generous);
        await page.GetByTestId("preview-status-b").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotForDocsAsync("prompt-compare");
        await page.AssertUniqueTestIdsAsync();
    }

    [BrowserFact]
    public async Task Import_NotJson_SaysSoInPlainWords_WithTheParserMessageBehindTheToggle()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(Admin, AdminPassword, "/prompts");
        await Expect(page.GetByTestId("prompt-table")).ToContainTextAsync("Default risk analysis");

        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("prompts-import").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "notes.json", MimeType = "application/json", Buffer = "name,section\nCoop,PARSER\n"u8.ToArray() });

        await Expect(page.GetByTestId("import-error-sentence")).ToContainTextAsync("Nothing was imported. notes.json is not a prompt export");
        await Expect(page.GetByTestId("import-error")).Not.ToContainTextAsync("LineNumber");
        await page.GetByTestId("import-error-toggle").ClickAsync();
        await Expect(page.GetByTestId("import-error-detail")).ToContainTextAsync("is an invalid");
        await page.ScreenshotForDocsAsync("prompt-import-error");
    }

    [BrowserFact]
    public async Task Preview_WithABlankVariable_IsBlockedBeforeItStarts()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(Admin, AdminPassword, "/prompts/new");
        await page.GetByTestId("prompt-user").FillAsync("Summarise {{companyName}} in {{country}}.");
        await page.GetByTestId("variable-companyName").FillAsync("Acme Coop");

        await page.GetByTestId("prompt-preview").ClickAsync();

        await Expect(page.GetByTestId("preview-blocked")).ToHaveTextAsync("Fill in {{country}} before running the preview.");
        await Expect(page.GetByTestId("preview-status")).ToHaveCountAsync(0);
        await page.ScreenshotForDocsAsync("prompt-preview-blocked");
        await page.GetByTestId("variable-country").FillAsync("Kenya");
        await page.GetByTestId("prompt-preview").ClickAsync();
        await Expect(page.GetByTestId("preview-status")).ToHaveTextAsync("COMPLETED", Generous);
        await Expect(page.GetByTestId("preview-blocked")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task AdminActivatesASecondPromptOfASection_DialogNamesTheActiveOneAndReplaceSwapsThem()
    {
        using var api = await fixture.ApiClientAsync(Admin, AdminPassword);
        var created = await (await api.PostAsJsonAsync(PromptApi.Root, new
        {
            name = "Cooperative scoring (strict)",
            section = "RISK_ANALYSIS",
            systemPrompt = "You score {{companyName}} strictly.",
            userPromptTemplate = "Score {{companyName}} in {{country}}.",
            tags = new[] { "coop", "draft" },
        })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(Admin, AdminPassword, $"/prompts/{created.Id()}");
        await Expect(page.GetByTestId("prompt-version")).ToHaveTextAsync("v1");

        await page.GetByTestId("prompt-activate").ClickAsync();

        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync(new Regex("\"Default risk analysis\" \\(v\\d+\\) is the active RISK_ANALYSIS prompt"));
        await page.ScreenshotForDocsAsync("prompt-activate-conflict");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Replace" }).ClickAsync();
        await Expect(page.GetByTestId("prompt-activate")).ToContainTextAsync("Deactivate");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Comments" }).ClickAsync();
        await page.GetByTestId("comment-new").FillAsync("Stricter than the default: check with the credit committee before the next batch.");
        await page.GetByTestId("comment-post").ClickAsync();
        await Expect(page.GetByText("check with the credit committee")).ToBeVisibleAsync();
        await page.GetByText("check with the credit committee").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotForDocsAsync("prompt-comments");
    }
}
