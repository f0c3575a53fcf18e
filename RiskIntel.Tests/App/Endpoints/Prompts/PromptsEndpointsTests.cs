using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Prompts;

public sealed class PromptsEndpointsTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    private const string Root = PromptApi.Root;

    [Fact]
    public async Task List_FreshDatabase_HasOneActiveSeededPromptPerSection()
    {
        using var admin = await app.AdminAsync();

        var page = await admin.GetJsonAsync($"{Root}?active=true&tag=default&limit=100");

        var sections = page.GetProperty("items").EnumerateArray().Select(p => p.Text("section")).Order().ToList();
        Assert.Equal(["GAP_DETECTION", "PARSER", "REPORT_GENERATION", "RISK_ANALYSIS"], sections);
        Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.Equal(1, p.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Create_AsAdmin_Is201WithVersion1AndTheDetectedVariables()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync(Root, new
        {
            name = "Cooperative scoring",
            section = "RISK_ANALYSIS",
            systemPrompt = "You assess {{company}} in {{country}}.",
            userPromptTemplate = "Score {{company}}.",
            tags = new[] { "Coop", "draft" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var prompt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"{Root}/{prompt.Id()}", response.Headers.Location?.ToString());
        Assert.Equal(1, prompt.GetProperty("version").GetInt32());
        Assert.False(prompt.GetProperty("isActive").GetBoolean());
        Assert.Equal("RISK_ANALYSIS", prompt.Text("section"));
        Assert.Equal(["company", "country"], prompt.GetProperty("variables").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["coop", "draft"], prompt.GetProperty("tags").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Create_WithoutNameSectionOrUserPrompt_Is400NamingEachField()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync(Root, new { section = "NOT_A_SECTION", systemPrompt = "x" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("section", out _));
        Assert.True(errors.TryGetProperty("userPromptTemplate", out _));
    }

    [Fact]
    public async Task Create_NameAlreadyUsedInTheSection_Is409()
    {
        using var admin = await app.AdminAsync();
        var existing = await admin.CreatePromptAsync("PARSER");

        var response = await admin.PostAsJsonAsync(Root, new { name = existing.Text("name"), section = "PARSER", userPromptTemplate = "x" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task List_FiltersBySectionTagAndSearchAndPages()
    {
        using var admin = await app.AdminAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        await admin.CreatePromptAsync("REPORT_GENERATION", name: $"A {marker}", tags: [marker]);
        await admin.CreatePromptAsync("REPORT_GENERATION", name: "B other", user: $"Mentions {marker} in its text", tags: [marker]);
        await admin.CreatePromptAsync("PARSER", name: "C parser", tags: [marker]);

        var bySearch = await admin.GetJsonAsync($"{Root}?search={marker.ToUpperInvariant()}&section=REPORT_GENERATION");
        var byTag = await admin.GetJsonAsync($"{Root}?tag={marker}&limit=2&page=2");
        var inactiveParsers = await admin.GetJsonAsync($"{Root}?tag={marker}&section=PARSER&active=false");

        Assert.Equal(2, bySearch.GetProperty("total").GetInt32());
        Assert.Equal(3, byTag.GetProperty("total").GetInt32());
        Assert.Single(byTag.GetProperty("items").EnumerateArray());
        Assert.Equal("C parser", Assert.Single(inactiveParsers.GetProperty("items").EnumerateArray()).Text("name"));
    }

    [Fact]
    public async Task List_UnknownSection_Is400()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.GetAsync($"{Root}?section=NOPE");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Update_BasedOnTheCurrentVersion_BumpsItAndKeepsTheOldVersionReadable()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync(user: "First text");

        var response = await admin.UpdatePromptAsync(prompt, basedOn: 1, user: "Second text");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        var v1 = await admin.GetJsonAsync($"{Root}/{prompt.Id()}?version=1");
        var v2 = await admin.GetJsonAsync($"{Root}/{prompt.Id()}?version=2");
        var current = await admin.GetJsonAsync($"{Root}/{prompt.Id()}");
        Assert.Equal("First text", v1.Text("userPromptTemplate"));
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(2, v1.GetProperty("latestVersion").GetInt32());
        Assert.Equal("Second text", v2.Text("userPromptTemplate"));
        Assert.Equal("Second text", current.Text("userPromptTemplate"));
        await (await admin.GetAsync($"{Root}/{prompt.Id()}?version=3")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_BasedOnAStaleVersion_Is409AndChangesNothing()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync(user: "Original");
        Assert.Equal(HttpStatusCode.OK, (await admin.UpdatePromptAsync(prompt, basedOn: 1, user: "First editor")).StatusCode);

        var response = await admin.UpdatePromptAsync(prompt, basedOn: 1, user: "Second editor, unaware");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("version 2", problem.Text("detail"), StringComparison.Ordinal);
        var current = await admin.GetJsonAsync($"{Root}/{prompt.Id()}");
        Assert.Equal("First editor", current.Text("userPromptTemplate"));
        Assert.Equal(2, current.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Update_WithoutVersion_Is400()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync();

        var response = await admin.PutAsJsonAsync($"{Root}/{prompt.Id()}", new { name = "x", section = "PARSER", userPromptTemplate = "y" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task Update_WithoutChanges_KeepsTheVersion()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync();

        var response = await admin.UpdatePromptAsync(prompt, basedOn: 1);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Get_UnknownPrompt_Is404Problem()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.GetAsync($"{Root}/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_RemovesThePromptButKeepsItsHistoryAndVersionsReadable()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync(user: "Before");
        await admin.UpdatePromptAsync(prompt, basedOn: 1, user: "After");

        var response = await admin.DeleteAsync($"{Root}/{prompt.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await admin.GetAsync($"{Root}/{prompt.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await admin.GetJsonAsync($"{Root}?search={prompt.Text("name")}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var history = await admin.GetJsonAsync($"{Root}/{prompt.Id()}/history");
        Assert.Equal(["DELETED", "UPDATED", "CREATED"], history.EnumerateArray().Select(c => c.Text("kind")));
        var v1 = await admin.GetJsonAsync($"{Root}/{prompt.Id()}?version=1");
        Assert.Equal("Before", v1.Text("userPromptTemplate"));
        await (await admin.DeleteAsync($"{Root}/{prompt.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_AsAnalyst_Is403()
    {
        var (analyst, _) = await app.NewUserAsync();

        var response = await analyst.GetAsync(Root);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_Anonymous_Is401()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync(Root, new { name = "x", section = "PARSER", userPromptTemplate = "y" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
