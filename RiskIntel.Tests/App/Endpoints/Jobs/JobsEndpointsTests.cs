using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Jobs;

public sealed class JobsEndpointsTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    [Fact]
    public async Task Get_AnotherUsersJob_Is404AndNot403()
    {
        using var admin = await app.AdminAsync();
        var id = await SubmitPreviewAsync(admin, "admin's own job");
        var (analyst, _) = await app.NewUserAsync();

        await (await analyst.GetAsync($"/api/jobs/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await analyst.GetAsync($"/api/jobs/{id}/events")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await analyst.PostAsync($"/api/jobs/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task Get_MalformedOrUnknownId_Is404Problem(string id)
    {
        using var admin = await app.AdminAsync();

        await (await admin.GetAsync($"/api/jobs/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_Anonymous_Is401()
    {
        using var client = app.CreateClient();

        await (await client.GetAsync($"/api/jobs/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Events_ListTheWholeTransitionLog()
    {
        using var admin = await app.AdminAsync();
        var id = await SubmitPreviewAsync(admin, "events please");
        await app.WaitForAsync(id, JobStatus.Completed);

        var events = await admin.GetFromJsonAsync<JsonElement[]>($"/api/jobs/{id}/events") ?? [];

        Assert.Equal(["PENDING", "PROCESSING", "COMPLETED"], events.Select(e => e.GetProperty("to").GetString()));
        Assert.Equal(JsonValueKind.Null, events[0].GetProperty("from").ValueKind);
        Assert.Equal("PENDING", events[1].GetProperty("from").GetString());
        Assert.All(events, e => Assert.True(e.TryGetProperty("at", out _) && e.TryGetProperty("message", out _)));
    }

    [Fact]
    public async Task List_ShowsOnlyOwnJobsNewestFirstWithFiltersAndCursor()
    {
        var (analyst, _) = await app.NewUserAsync("Admin");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmitPreviewAsync(analyst, $"list {i}"));
            await app.WaitForAsync(ids[^1], JobStatus.Completed);
        }

        var page1 = await analyst.GetFromJsonAsync<JsonElement>("/api/jobs?limit=2");
        var cursor = page1.GetProperty("nextCursor").GetString();
        var page2 = await analyst.GetFromJsonAsync<JsonElement>($"/api/jobs?limit=2&cursor={Uri.EscapeDataString(cursor!)}");
        var filtered = await analyst.GetFromJsonAsync<JsonElement>("/api/jobs?status=COMPLETED&type=AI_PREVIEW");

        Assert.Equal([ids[2], ids[1]], page1.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()));
        Assert.Equal([ids[0]], page2.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()));
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("nextCursor").ValueKind);
        Assert.Equal(3, filtered.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("status=DONE", "status")]
    [InlineData("type=COOKING", "type")]
    [InlineData("cursor=%%%", "cursor")]
    [InlineData("limit=1000", "limit")]
    public async Task List_InvalidFilter_Is400NamingIt(string query, string field)
    {
        using var admin = await app.AdminAsync();

        var problem = await (await admin.GetAsync($"/api/jobs?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Cancel_FinishedJob_Is409()
    {
        using var admin = await app.AdminAsync();
        var id = await SubmitPreviewAsync(admin, "finish first");
        await app.WaitForAsync(id, JobStatus.Completed);

        await (await admin.PostAsync($"/api/jobs/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Stats_AsAdmin_ReportsQueueFigures()
    {
        using var admin = await app.AdminAsync();
        await app.WaitForAsync(await SubmitPreviewAsync(admin, "for the stats"), JobStatus.Completed);

        var stats = await admin.GetFromJsonAsync<JsonElement>("/api/jobs/stats");

        Assert.True(stats.GetProperty("completedLastHour").GetInt32() >= 1);
        Assert.True(stats.GetProperty("schedulerRunning").GetBoolean());
        Assert.True(stats.GetProperty("nodes").GetInt32() >= 1);
        foreach (var name in new[] { "pending", "processing", "failedLastHour" })
        {
            Assert.True(stats.TryGetProperty(name, out _), name);
        }

        Assert.True(stats.GetProperty("queueLatencyMs").TryGetProperty("p95", out _));
        Assert.True(stats.GetProperty("runLatencyMs").GetProperty("p50").GetDouble() >= 0);
    }

    [Fact]
    public async Task Stats_AsAnalyst_Is403()
    {
        var (analyst, _) = await app.NewUserAsync();

        await (await analyst.GetAsync("/api/jobs/stats")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdminJobs_AdminSeesOtherUsersJobsAndAnalystIsForbidden()
    {
        var (otherAdmin, _) = await app.NewUserAsync("Admin");
        var id = await SubmitPreviewAsync(otherAdmin, "seen by the monitor");
        using var admin = await app.AdminAsync();
        var (analyst, _) = await app.NewUserAsync();

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs?limit=100");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/admin/jobs/{id}")).StatusCode);
        await (await analyst.GetAsync("/api/admin/jobs")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Health_LiveAndReady_Are200()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.True(ready.GetProperty("checks").TryGetProperty("scheduler", out _));
    }

    [Fact]
    public async Task OpenApi_DocumentAndReferencePage_AreServed()
    {
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var reference = await client.GetAsync("/scalar/");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/jobs/{id}", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/admin/prompts/preview", out _));
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    internal static async Task<Guid> SubmitPreviewAsync(HttpClient client, string prompt) =>
        await (await client.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = prompt })).AssertAcceptedJobAsync();
}
