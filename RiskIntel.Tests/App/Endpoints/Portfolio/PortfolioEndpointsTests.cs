using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Portfolio;

public sealed class PortfolioEndpointsTests : IClassFixture<RiskIntelAppFactory>
{
    private readonly RiskIntelAppFactory _app;

    public PortfolioEndpointsTests(RiskIntelAppFactory app) => _app = app;

    private IDbContextFactory<RiskIntelDbContext> Db => _app.Services.GetRequiredService<IDbContextFactory<RiskIntelDbContext>>();

    [Fact]
    public async Task Get_AfterTheOfflinePipeline_ShowsTheAnalysedPlanBesideADraft_InTheApisJson()
    {
        var pipeline = new PipelineDriver(_app, (await _app.NewUserAsync()).Client);
        var analysed = await pipeline.UploadSampleAsync();
        await pipeline.CorrectAsync(analysed);
        var analysis = await pipeline.AnalyzeAsync(analysed);
        var draft = (await pipeline.Client.CreateAssessmentAsync("Meru coffee 2026", "Meru <script>alert(1)</script> Growers")).Id();

        var view = await pipeline.Client.GetFromJsonAsync<JsonElement>("/api/portfolio");

        var items = view.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([analysed, draft], items.Select(i => i.Id()));
        var row = items[0];
        Assert.Equal(analysis.GetProperty("overallScore").GetDouble(), row.GetProperty("overallScore").GetDouble());
        Assert.Equal(analysis.GetProperty("overallLevel").GetString(), row.GetProperty("overallLevel").GetString());
        Assert.Equal(("COMPLETE", 1), (row.GetProperty("status").GetString(), row.GetProperty("analysisVersion").GetInt32()));
        var categories = row.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(RiskTaxonomy.Categories.Select(c => c.Key), categories.Select(c => c.GetProperty("category").GetString()));
        Assert.Equal(analysis.GetProperty("scores").EnumerateArray().Select(c => c.GetProperty("score").GetDouble()),
            categories.Select(c => c.GetProperty("score").GetDouble()));
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("overallScore").ValueKind);
        Assert.Equal("Meru <script>alert(1)</script> Growers", items[1].GetProperty("companyName").GetString());
        Assert.Equal(["Kenya"], view.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Get_WithLevelCountryAndSort_FiltersAndOrders_AndShowsNothingOfOtherUsers()
    {
        var (client, _) = await _app.NewUserAsync();
        var (other, _) = await _app.NewUserAsync();
        var high = await ScoredAsync(client, "High", 60, financial: 20);
        var critical = await ScoredAsync(client, "Critical", 80, financial: 90);
        var moderate = await ScoredAsync(client, "Moderate", 30, financial: 95);
        await ScoredAsync(other, "Someone else's", 70, financial: 70);

        var filtered = await IdsAsync(client, "/api/portfolio?level=high,CRITICAL&country=kenya&sort=FINANCIAL");
        var byFinancial = await IdsAsync(client, "/api/portfolio?sort=financial&desc=true");
        var elsewhere = await IdsAsync(client, "/api/portfolio?country=Uganda");

        Assert.Equal([high, critical], filtered);
        Assert.Equal([moderate, critical, high], byFinancial);
        Assert.Empty(elsewhere);
    }

    [Theory]
    [InlineData("level=SEVERE", "level")]
    [InlineData("level=HIGH,1", "level")]
    [InlineData("sort=score", "sort")]
    [InlineData("sort=FINANCIAL.revenue", "sort")]
    [InlineData("desc=yes", "desc")]
    public async Task Get_WithABadValue_Answers400ProblemNamingTheParameter(string query, string parameter)
    {
        var (client, _) = await _app.NewUserAsync();

        var problem = await (await client.GetAsync($"/api/portfolio?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Get_WithoutSigningIn_Answers401()
    {
        using var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/portfolio")).StatusCode);
    }

    private async Task<Guid> ScoredAsync(HttpClient client, string name, double score, double financial)
    {
        var id = (await client.CreateAssessmentAsync(name, $"{name} Farmers' Co-operative")).Id();
        await PortfolioSeed.AnalysisAsync(Db, id, DateTime.UtcNow, financial, score, score, score, score, score, score);
        return id;
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();
}
