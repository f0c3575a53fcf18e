using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Analysis;

public sealed class AnalysisEndpointsTests : IClassFixture<RiskIntelAppFactory>
{
    private readonly RiskIntelAppFactory _app;

    public AnalysisEndpointsTests(RiskIntelAppFactory app) => _app = app;

    [Fact]
    public async Task Submit_ReviewedGaps_ScoresAllSubcategoriesWithEvidenceFromTheDocument_AndCompletesTheAssessment()
    {
        var pipeline = new PipelineDriver(_app, (await _app.NewUserAsync()).Client);
        var assessment = await pipeline.UploadSampleAsync();
        await pipeline.CorrectAsync(assessment);

        var analysis = await pipeline.AnalyzeAsync(assessment);

        var state = await pipeline.Client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}");
        Assert.Equal("COMPLETE", state.GetProperty("status").GetString());
        Assert.Equal(analysis.GetProperty("overallScore").GetDouble(), state.GetProperty("overallScore").GetDouble());
        Assert.Equal(1, analysis.GetProperty("version").GetInt32());
        var categories = analysis.GetProperty("scores").EnumerateArray().ToList();
        Assert.Equal(7, categories.Count);
        Assert.All(categories, c => Assert.Equal(5, c.GetProperty("subcategories").GetArrayLength()));
        var subcategories = categories.SelectMany(c => c.GetProperty("subcategories").EnumerateArray()).ToList();
        Assert.All(subcategories, s => Assert.NotEmpty(s.GetProperty("drivers").EnumerateArray()));
        var mean = Math.Round(categories.Average(c => c.GetProperty("score").GetDouble()), 1);
        Assert.Equal(mean, analysis.GetProperty("overallScore").GetDouble(), 1);
        var quotes = subcategories.SelectMany(s => s.GetProperty("evidence").EnumerateArray()).Where(e => e.TryGetProperty("page", out var p) && p.ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(quotes);
    }

    [Fact]
    public async Task Reanalysis_AfterAChangedCorrection_MakesVersion2_AndTheDiffShowsTheChange()
    {
        var pipeline = new PipelineDriver(_app, (await _app.NewUserAsync()).Client);
        var assessment = await pipeline.UploadSampleAsync();
        await pipeline.CorrectAsync(assessment);
        var first = await pipeline.AnalyzeAsync(assessment);

        await pipeline.CorrectAsync(assessment, new Dictionary<string, string>
        {
            ["CLIMATE_ENVIRONMENTAL.weather_exposure"] = "We hold crop insurance with APA since 2023 and members' plots have drip irrigation from a borehole.",
        });
        var second = await pipeline.AnalyzeAsync(assessment);

        Assert.Equal(2, second.GetProperty("version").GetInt32());
        var versions = await pipeline.Client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/analysis/versions");
        Assert.Equal([2, 1], versions!.Select(v => v.GetProperty("version").GetInt32()));
        var old = await pipeline.Client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}/analysis?version=1");
        Assert.Equal(first.GetProperty("overallScore").GetDouble(), old.GetProperty("overallScore").GetDouble());
        var diff = await pipeline.Client.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessment}/analysis/diff?from=1&to=2");
        var weather = diff.GetProperty("subcategories").EnumerateArray().Single(s => s.GetProperty("field").GetString() == "CLIMATE_ENVIRONMENTAL.weather_exposure");
        Assert.True(weather.GetProperty("score").GetProperty("change").GetDouble() < 0);
        Assert.Contains("crop insurance", weather.GetProperty("correctionTo").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(weather.GetProperty("driversAdded").EnumerateArray());
    }

    [Fact]
    public async Task EditRecommendation_ChangesTextAndPriority_AndKeepsTheOriginal()
    {
        var pipeline = new PipelineDriver(_app, (await _app.NewUserAsync()).Client);
        var assessment = await pipeline.UploadSampleAsync();
        await pipeline.CorrectAsync(assessment);
        var analysis = await pipeline.AnalyzeAsync(assessment);
        var recommendation = analysis.GetProperty("scores").EnumerateArray().SelectMany(c => c.GetProperty("recommendations").EnumerateArray()).First();
        var id = recommendation.GetProperty("id").GetString();

        var response = await pipeline.Client.PutAsJsonAsync($"/api/assessments/{assessment}/recommendations/{id}",
            new { text = "Ask for the 2025 audited accounts <b>before</b> disbursement.", priority = "HIGH" });
        var unknown = await pipeline.Client.PutAsJsonAsync($"/api/assessments/{assessment}/recommendations/nope", new { text = "x y z", priority = "LOW" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scores").EnumerateArray()
            .SelectMany(c => c.GetProperty("recommendations").EnumerateArray()).Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal("Ask for the 2025 audited accounts <b>before</b> disbursement.", edited.GetProperty("text").GetString());
        Assert.Equal("HIGH", edited.GetProperty("priority").GetString());
        Assert.Equal(recommendation.GetProperty("text").GetString(), edited.GetProperty("original").GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Comments_AreThreaded_AndARepliesParentMustBeOfTheSameAssessment()
    {
        var (client, _) = await _app.NewUserAsync();
        var assessment = (await client.CreateAssessmentAsync()).Id();
        var other = (await client.CreateAssessmentAsync("Other")).Id();

        var root = await (await client.PostAsJsonAsync($"/api/assessments/{assessment}/comments", new { content = "Liquidity looks thin in the dry season." })).Content.ReadFromJsonAsync<JsonElement>();
        var reply = await client.PostAsJsonAsync($"/api/assessments/{assessment}/comments", new { content = "Agreed; ask for the cash-flow plan.", parentId = root.Id() });
        var foreign = await client.PostAsJsonAsync($"/api/assessments/{other}/comments", new { content = "Wrong thread", parentId = root.Id() });
        var empty = await client.PostAsJsonAsync($"/api/assessments/{assessment}/comments", new { content = "" });

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        await foreign.AssertProblemAsync(HttpStatusCode.BadRequest);
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest);
        var comments = await client.GetFromJsonAsync<JsonElement[]>($"/api/assessments/{assessment}/comments");
        Assert.Equal(2, comments!.Length);
        Assert.Equal(root.Id(), comments[1].GetProperty("parentId").GetGuid());
    }

    [Fact]
    public async Task Analysis_OfAnotherUsersAssessment_Answers404_AndNoneYet404()
    {
        var (owner, _) = await _app.NewUserAsync();
        var (other, _) = await _app.NewUserAsync();
        var assessment = (await owner.CreateAssessmentAsync()).Id();

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/assessments/{assessment}/analysis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/assessments/{assessment}/analysis/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/assessments/{assessment}/analysis", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/assessments/{assessment}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync($"/api/assessments/{assessment}/analysis?version=zero")).StatusCode);
    }
}
