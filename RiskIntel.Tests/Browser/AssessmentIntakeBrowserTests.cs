using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RiskIntel.Core.Documents;
using RiskIntel.Tests.Infrastructure;
using RiskIntel.Tests.Infrastructure.Documents;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

/// <summary>
/// The analyst's intake from end to end in Chromium: create an assessment, upload the sample plan as a PDF,
/// watch parsing and gap detection finish without a reload, check a field's evidence on its page, correct a
/// gap and find the correction still there after a reload. With RISKINTEL_SCREENSHOTS=1 it also takes the
/// screenshots of these pages, wide and narrow, light and dark.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class AssessmentIntakeBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private const string Correction = "Confirmed by the manager on 3 March: passwords on the two office computers, "
        + "weekly backup of the member register to an encrypted USB drive kept off site.";

    private static readonly LocatorAssertionsToBeVisibleOptions Generous = new() { Timeout = 90_000 };

    [BrowserFact]
    public async Task Analyst_CreatesAnAssessment_UploadsThePlan_WatchesItLive_AndReviewsTheGaps()
    {
        var (_, email) = await fixture.App.NewUserAsync("Analyst");
        using var api = await fixture.ApiClientAsync(email, RiskIntelAppFactory.UserPassword);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(email, RiskIntelAppFactory.UserPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/assessments$"));
        await Expect(page.Locator(".mud-navmenu a").First).ToHaveAttributeAsync("data-testid", "nav-assessments");

        var assessmentId = await CreateAssessmentAsync(page);
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await page.GetByTestId("document-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "milk-cooler.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        });
        await Expect(page.GetByTestId("upload-error")).ToContainTextAsync("“milk-cooler.png” is not a document RiskIntel can read.");
        await ShotAsync(page, "assessment-upload-error");

        await page.GetByTestId("document-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "ndaragwa-business-plan-2025-2029.pdf", MimeType = "application/pdf", Buffer = SamplePlanPdf(),
        });

        await Expect(Pipeline(page, "PARSE_DOCUMENT").GetByText("COMPLETED")).ToBeVisibleAsync(Generous);
        await Expect(Pipeline(page, "GAP_DETECTION").GetByText("COMPLETED")).ToBeVisibleAsync(Generous);
        await Expect(page.GetByTestId("assessment-status")).ToHaveTextAsync("Action required");
        await Expect(page.GetByTestId("assessment-status-message")).ToContainTextAsync("Review the gaps");
        await Expect(page.GetByTestId("document-list")).ToContainTextAsync("7 pages");
        await Expect(page.GetByTestId("upload-error")).ToHaveCountAsync(0);
        var document = (await api.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessmentId}/documents"))[0].GetProperty("id").GetGuid();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId($"document-download-{document}").ClickAsync());
        Assert.Equal("ndaragwa-business-plan-2025-2029.pdf", download.SuggestedFilename);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Gap review" }).ClickAsync();
        var gaps = (await api.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessmentId}/gaps")).EnumerateArray().ToList();
        await CheckEvidenceAsync(page, gaps);

        // A required field still open, so the correction also shortens what the submission reports missing.
        var open = gaps.Where(g => g.GetProperty("isMandatory").GetBoolean() && Text(g, "status") != "VERIFIED")
            .Concat(gaps.Where(g => Text(g, "status") == "MISSING")).First();
        var field = Text(open, "field");
        await page.GetByTestId($"gap-field-{field}").ClickAsync();
        await page.GetByTestId("gap-correction").FillAsync(Correction);
        // The list marks the field corrected only once the save has come back from the database.
        await Expect(page.GetByTestId($"gap-field-{field}").GetByTestId("gap-corrected")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("correction-state")).ToHaveAttributeAsync("data-state", "Saved");
        await Expect(page.GetByTestId("correction-state")).ToContainTextAsync("Saved");
        var stored = (await api.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessmentId}/gaps")).EnumerateArray().Single(g => Text(g, "field") == field);
        Assert.Equal(Correction, Text(stored, "correction"));

        await page.GetByTestId("gap-submit").ClickAsync();
        await Expect(page.GetByTestId("gap-missing").Or(page.GetByTestId("gap-analysis-job"))).ToBeVisibleAsync();
        await ShotAsync(page, "assessment-gaps-submit");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("gap-detail")).ToHaveAttributeAsync("data-field", field);
        await Expect(page.GetByTestId("gap-correction")).ToHaveValueAsync(Correction);
        await Expect(page.GetByTestId($"gap-field-{field}").GetByTestId("gap-corrected")).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was not reloaded");

        await TakeScreenshotsAsync(page, assessmentId);
    }

    private static async Task<Guid> CreateAssessmentAsync(IPage page)
    {
        await page.GetByTestId("assessment-new").ClickAsync();
        await page.GetByTestId("assessment-save").ClickAsync();
        await Expect(page.GetByText("Give the assessment a name")).ToBeVisibleAsync();
        await Expect(page.GetByText("Name the partner organisation being assessed.")).ToBeVisibleAsync();
        await ShotAsync(page, "assessment-new-errors");

        await page.GetByTestId("assessment-name").FillAsync("Ndaragwa dairy 2026");
        await page.GetByTestId("assessment-company").FillAsync("Ndaragwa Highlands Dairy Farmers' Co-operative Society");
        await page.GetByTestId("assessment-type").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Cooperative" }).ClickAsync();
        await page.GetByTestId("assessment-country").FillAsync("Kenya");
        await page.GetByTestId("assessment-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(AssessmentUrl());
        await Expect(page.GetByTestId("assessment-status")).ToHaveTextAsync("Draft");
        return Guid.Parse(AssessmentUrl().Match(page.Url).Groups[1].Value);
    }

    /// <summary>A verified field whose first quote is past page 1: selecting it turns the text to that page and marks the quote.</summary>
    private static async Task CheckEvidenceAsync(IPage page, List<JsonElement> gaps)
    {
        var (field, quote, number) = gaps
            .Where(g => Text(g, "status") == "VERIFIED")
            .Select(g => (Field: Text(g, "field"), Evidence: g.GetProperty("evidence").EnumerateArray().FirstOrDefault(e => e.GetProperty("page").ValueKind == JsonValueKind.Number)))
            .Where(x => x.Evidence.ValueKind == JsonValueKind.Object && x.Evidence.GetProperty("page").GetInt32() > 1)
            .Select(x => (x.Field, Text(x.Evidence, "quote"), x.Evidence.GetProperty("page").GetInt32()))
            .First();

        await page.GetByTestId($"gap-field-{field}").ClickAsync();

        await Expect(page.GetByTestId("gap-detail")).ToHaveAttributeAsync("data-field", field);
        await Expect(page.GetByTestId("document-text")).ToHaveAttributeAsync("data-page", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mark = page.GetByTestId("evidence-mark").First;
        await Expect(mark).ToBeInViewportAsync();
        Assert.Equal(QuoteVerifier.Normalise(quote), QuoteVerifier.Normalise(await mark.TextContentAsync() ?? ""));
    }

    private static ILocator Pipeline(IPage page, string type) => page.Locator($"[data-testid='pipeline-job'][data-job-type='{type}']");

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? "";

    private static byte[] SamplePlanPdf()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "kenya-dairy-cooperative-business-plan.md"));
        return SamplePdfWriter.Write(SampleMarkdown.Parse(markdown, "Ndaragwa Highlands Dairy Farmers' Co-operative Society: Business Plan 2025-2029", "Management committee"));
    }

    [GeneratedRegex("/assessments/([0-9a-f-]{36})$")]
    private static partial Regex AssessmentUrl();
}
