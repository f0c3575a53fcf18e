using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Tests.Core.Reports.Pdf;
using RiskIntel.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

/// <summary>
/// From the gap review to the PDF in Chromium: submit the reviewed gaps, watch the analysis finish and the scorecard
/// action appear without a reload, read a subcategory's evidence on its page, generate a report live, open the web
/// report and download the PDF with the company in it. With RISKINTEL_SCREENSHOTS=1 it shoots the scorecard and the
/// report, wide and on a phone, light and dark.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class ScorecardBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Generous = new() { Timeout = 90_000 };

    [BrowserFact]
    public async Task Analyst_SubmitsTheGaps_ReadsTheScorecard_AndDownloadsThePdfReport()
    {
        var (_, email) = await fixture.App.NewUserAsync("Analyst");
        using var api = await fixture.ApiClientAsync(email, RiskIntelAppFactory.UserPassword);
        var pipeline = new PipelineDriver(fixture.App, api);
        var assessmentId = await pipeline.UploadSampleAsync();
        await pipeline.CorrectAsync(assessmentId);
        var company = (await api.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessmentId}")).GetProperty("companyName").GetString()!;
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(email, RiskIntelAppFactory.UserPassword, $"/assessments/{assessmentId}/gaps");
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await page.GetByTestId("gap-submit").ClickAsync();

        await Expect(page.GetByTestId("gap-scorecard-link")).ToBeVisibleAsync(Generous);
        await Expect(page.GetByTestId("scorecard-link")).ToBeVisibleAsync();
        var analysis = await api.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessmentId}/analysis");
        var overall = ChartFormat.Score(analysis.GetProperty("overallScore").GetDouble());
        await Expect(page.GetByTestId("banner-score")).ToHaveTextAsync(overall);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");

        await page.GetByTestId("scorecard-link").ClickAsync();
        await Expect(page.GetByTestId("overall-score")).ToHaveTextAsync(overall);
        await Expect(page.GetByTestId("scorecard-radar")).ToBeVisibleAsync();
        await CheckEvidenceAsync(page, analysis);

        await page.GetByTestId("report-generate").ClickAsync();
        await Expect(page.GetByTestId("report-job").Or(page.GetByTestId("report-version-1"))).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report-version-1")).ToBeVisibleAsync(Generous);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");

        await page.GetByTestId("report-open").ClickAsync();
        await Expect(page.GetByTestId("report-company")).ToHaveTextAsync(company);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-download").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"riskintel-report-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        var pdf = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Contains(PdfReading.Squash(company), PdfReading.AllText(pdf), StringComparison.Ordinal);
        Assert.EndsWith("risk report v1.pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await Expect(page.GetByTestId("report-download")).ToHaveAttributeAsync("data-state", "done");
        KeepPdfForReview(pdf);

        await TakeScreenshotsAsync(page, pipeline, assessmentId);
    }

    /// <summary>A quote past page 1: clicking it opens the document at that page with the quote marked.</summary>
    private static async Task CheckEvidenceAsync(IPage page, JsonElement analysis)
    {
        var (category, field, number) = analysis.GetProperty("scores").EnumerateArray()
            .SelectMany(c => c.GetProperty("subcategories").EnumerateArray().Select(s => (Category: c.GetProperty("category").GetString()!, Sub: s)))
            .SelectMany(x => x.Sub.GetProperty("evidence").EnumerateArray()
                .Where(e => e.TryGetProperty("page", out var p) && p.ValueKind == JsonValueKind.Number && p.GetInt32() > 1)
                .Take(1)
                .Select(e => (x.Category, Field: x.Sub.GetProperty("field").GetString()!, Page: e.GetProperty("page").GetInt32())))
            .First();

        await page.GetByTestId($"category-{category}").Locator(".mud-expand-panel-header").ClickAsync();
        var quote = page.GetByTestId($"subcategory-{field}").Locator($"button[data-testid='evidence-quote'][data-page='{number}']").First;
        await quote.ClickAsync();

        await Expect(page.GetByTestId("document-text")).ToHaveAttributeAsync("data-page", number.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("evidence-mark").First).ToBeVisibleAsync();
        await page.GetByTestId("evidence-close").ClickAsync();
        await Expect(page.GetByTestId("document-text")).ToHaveCountAsync(0);
    }

    // With screenshots on, the PDF is kept beside them so its pages can be rendered with pdftoppm and looked at.
    private static void KeepPdfForReview(byte[] pdf)
    {
        if (Screenshots)
        {
            File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "riskintel-browser-report.pdf"), pdf);
        }
    }
}
