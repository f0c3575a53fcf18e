using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace RiskIntel.Tests.App.Endpoints.Reports;

public sealed class ReportsEndpointsTests : IClassFixture<RiskIntelAppFactory>
{
    private readonly RiskIntelAppFactory _app;

    public ReportsEndpointsTests(RiskIntelAppFactory app) => _app = app;

    [Fact]
    public async Task Report_OfAScoredAssessment_IsAPdfWithThePartnerEveryCategoryAndEveryRecommendation()
    {
        var pipeline = new PipelineDriver(_app, (await _app.NewUserAsync()).Client);
        var assessment = await pipeline.UploadSampleAsync();
        await pipeline.CorrectAsync(assessment);
        var analysis = await pipeline.AnalyzeAsync(assessment);

        var result = await pipeline.ReportAsync(assessment);

        Assert.Equal(1, result.GetProperty("version").GetInt32());
        var url = result.GetProperty("reportUrl").GetString()!;
        var response = await pipeline.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(result.GetProperty("bytes").GetInt64(), bytes.LongLength);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(result.GetProperty("pages").GetInt32(), pdf.NumberOfPages);
        Assert.InRange(pdf.NumberOfPages, 6, 40);
        var text = Squash(string.Join(' ', pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squash("Nyeri Highlands Dairy Cooperative"), text, StringComparison.Ordinal);
        foreach (var category in new[] { "Financial", "Climate-Environmental", "Behavioral", "Operational", "Market", "Governance & Legal", "Technology & Data" })
        {
            Assert.Contains(Squash(category), text, StringComparison.Ordinal);
        }

        foreach (var recommendation in analysis.GetProperty("scores").EnumerateArray().SelectMany(c => c.GetProperty("recommendations").EnumerateArray()))
        {
            Assert.Contains(Squash(recommendation.GetProperty("text").GetString()!), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reports_AreVersioned_AndAnOlderOneStaysDownloadable()
    {
        var pipeline = new PipelineDriver(_app, (await _app.NewUserAsync()).Client);
        var assessment = await pipeline.UploadSampleAsync();
        await pipeline.CorrectAsync(assessment);
        await pipeline.AnalyzeAsync(assessment);
        var first = await pipeline.ReportAsync(assessment);
        await pipeline.CorrectAsync(assessment, new Dictionary<string, string> { ["MARKET.competition"] = "Two new processors entered the county in 2025 and pay higher prices." });
        await pipeline.AnalyzeAsync(assessment);

        var second = await pipeline.ReportAsync(assessment);

        var list = await pipeline.Client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/reports");
        Assert.Equal([2, 1], list!.Select(r => r.GetProperty("version").GetInt32()));
        Assert.Equal([2, 1], list!.Select(r => r.GetProperty("analysisVersion").GetInt32()));
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await pipeline.Client.GetAsync(first.GetProperty("reportUrl").GetString())).StatusCode);
    }

    [Fact]
    public async Task SignedLink_OpensThePdfWithoutAnAccount_AndATamperedOneAnswers403()
    {
        var pipeline = new PipelineDriver(_app, (await _app.NewUserAsync()).Client);
        var (stranger, _) = await _app.NewUserAsync();
        using var anonymous = _app.CreateClient();
        var assessment = await pipeline.UploadSampleAsync();
        await pipeline.CorrectAsync(assessment);
        await pipeline.AnalyzeAsync(assessment);
        var report = await pipeline.ReportAsync(assessment);
        var reportId = report.GetProperty("reportId").GetGuid();

        var link = await (await pipeline.Client.PostAsJsonAsync($"/api/reports/{reportId}/links", new { expiresInMinutes = 60 })).Content.ReadFromJsonAsync<JsonElement>();
        var url = link.GetProperty("url").GetString()!;
        var expires = System.Text.RegularExpressions.Regex.Match(url, "expires=([0-9]+)").Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(report.GetProperty("reportUrl").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(report.GetProperty("reportUrl").GetString())).StatusCode);
        await (await anonymous.GetAsync(url.Replace($"expires={expires}", $"expires={long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 3600}", StringComparison.Ordinal)))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync(url[..^3] + (url[^3..] == "AAA" ? "BBB" : "AAA"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync(url.Replace(reportId.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/reports/{reportId}/links", new { expiresInMinutes = 60 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await pipeline.Client.PostAsJsonAsync($"/api/reports/{reportId}/links", new { expiresInMinutes = 0 })).StatusCode);
    }

    [Fact]
    public async Task Report_BeforeAnyAnalysis_Answers409()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = (await client.CreateAssessmentAsync()).Id();

        await (await client.PostAsync($"/api/assessments/{assessment}/report", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    // PdfPig's page text has no spaces where lines wrap, so compare without any whitespace.
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
