using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Assessments;

public sealed class AssessmentsEndpointsTests : IClassFixture<RiskIntelAppFactory>
{
    private readonly RiskIntelAppFactory _app;

    public AssessmentsEndpointsTests(RiskIntelAppFactory app) => _app = app;

    [Fact]
    public async Task Create_ValidDetails_Answers201WithADraftAtVersion1()
    {
        var (client, _) = await _app.NewUserAsync();

        var response = await client.PostAsJsonAsync("/api/assessments",
            new { name = "  Season 2026 ", companyName = "Nyeri Highlands Dairy", companyType = "Cooperative", country = "Kenya" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/assessments/{created.Id()}", response.Headers.Location?.ToString());
        Assert.Equal("Season 2026", created.GetProperty("name").GetString());
        Assert.Equal("DRAFT", created.GetProperty("status").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal(0, created.GetProperty("progress").GetInt32());
    }

    [Fact]
    public async Task Create_MissingOrOverlongFields_Answers400WithTheFieldsNamed()
    {
        var (client, _) = await _app.NewUserAsync();

        var response = await client.PostAsJsonAsync("/api/assessments", new { name = " ", companyName = new string('x', 201), companyType = "SME" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.Equals("name", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(errors.EnumerateObject(), e => e.Name.Equals("companyName", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Get_AnotherUsersAssessment_Answers404AndIsNotListed()
    {
        var (owner, _) = await _app.NewUserAsync();
        var (other, _) = await _app.NewUserAsync();
        var created = await owner.CreateAssessmentAsync();

        var response = await other.GetAsync($"/api/assessments/{created.Id()}");
        var list = await other.GetFromJsonAsync<JsonElement>("/api/assessments");
        var update = await other.PutAsJsonAsync($"/api/assessments/{created.Id()}", new { name = "x", companyName = "x", companyType = "x", version = 1 });
        var delete = await other.DeleteAsync($"/api/assessments/{created.Id()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/assessments/{created.Id()}")).StatusCode);
    }

    [Fact]
    public async Task Update_WithCurrentVersion_BumpsIt_AndAStaleVersionAnswers409()
    {
        var (client, _) = await _app.NewUserAsync();
        var created = await client.CreateAssessmentAsync();
        var url = $"/api/assessments/{created.Id()}";

        var first = await client.PutAsJsonAsync(url, new { name = "Renamed", companyName = "Nyeri Highlands", companyType = "Cooperative", country = "Kenya", version = 1 });
        var stale = await client.PutAsJsonAsync(url, new { name = "Again", companyName = "Nyeri Highlands", companyType = "Cooperative", version = 1 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("version 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Renamed", (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task List_SearchStatusAndCursor_FilterAndPageNewestFirst()
    {
        var (client, _) = await _app.NewUserAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.CreateAssessmentAsync($"Plan {i}", i % 2 == 0 ? "Kiambu Maize Growers" : "Nyeri Dairy")).Id());
        }

        var page1 = await client.GetFromJsonAsync<JsonElement>("/api/assessments?limit=2");
        var page2 = await client.GetFromJsonAsync<JsonElement>($"/api/assessments?limit=2&cursor={page1.GetProperty("nextCursor").GetString()}");
        var search = await client.GetFromJsonAsync<JsonElement>("/api/assessments?search=MAIZE");
        var drafts = await client.GetFromJsonAsync<JsonElement>("/api/assessments?status=DRAFT&limit=100");
        var complete = await client.GetFromJsonAsync<JsonElement>("/api/assessments?status=COMPLETE");

        Assert.Equal([ids[4], ids[3]], page1.GetProperty("items").EnumerateArray().Select(a => a.Id()));
        Assert.Equal([ids[2], ids[1]], page2.GetProperty("items").EnumerateArray().Select(a => a.Id()));
        Assert.Equal([ids[4], ids[2], ids[0]], search.GetProperty("items").EnumerateArray().Select(a => a.Id()));
        Assert.Equal(5, drafts.GetProperty("items").GetArrayLength());
        Assert.Empty(complete.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("status=1")]
    [InlineData("status=DONE")]
    [InlineData("limit=0")]
    [InlineData("limit=2147483648")]
    [InlineData("cursor=not-a-cursor")]
    public async Task List_BadQuery_Answers400NamingTheParameter(string query)
    {
        var (client, _) = await _app.NewUserAsync();

        var response = await client.GetAsync($"/api/assessments?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(query.Split('=')[0], out _));
    }

    [Fact]
    public async Task Stats_CountOnlyTheCallersAssessmentsByStatus()
    {
        var (client, _) = await _app.NewUserAsync();
        var (other, _) = await _app.NewUserAsync();
        await client.CreateAssessmentAsync();
        await client.CreateAssessmentAsync();
        await other.CreateAssessmentAsync();

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/assessments/stats");

        Assert.Equal(2, stats.GetProperty("total").GetInt32());
        Assert.Equal(2, stats.GetProperty("drafts").GetInt32());
        Assert.Equal(0, stats.GetProperty("actionRequired").GetInt32());
    }

    [Fact]
    public async Task Delete_OwnAssessment_Answers204AndItIsGone()
    {
        var (client, _) = await _app.NewUserAsync();
        var created = await client.CreateAssessmentAsync();

        var response = await client.DeleteAsync($"/api/assessments/{created.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/assessments/{created.Id()}")).StatusCode);
    }
}
