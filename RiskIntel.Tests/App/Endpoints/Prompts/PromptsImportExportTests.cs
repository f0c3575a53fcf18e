using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Prompts;

public sealed class PromptsImportExportTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    private const string Root = PromptApi.Root;

    [Fact]
    public async Task Import_WithBadItems_Is400WithPerItemErrorsAndStoresNothing()
    {
        using var admin = await app.AdminAsync();
        var marker = Guid.NewGuid().ToString("N");
        var existing = await admin.CreatePromptAsync("PARSER", name: $"Taken {marker}");

        var response = await admin.PostAsJsonAsync($"{Root}/import", new
        {
            mode = "create",
            prompts = new object[]
            {
                new { name = $"Good {marker}", section = "PARSER", userPromptTemplate = "fine", tags = new[] { marker } },
                new { name = $"No template {marker}", section = "PARSER", tags = new[] { marker } },
                new { name = "", section = "SOMETHING", userPromptTemplate = "x", tags = new[] { marker } },
                new { name = existing.Text("name"), section = "PARSER", userPromptTemplate = "x", tags = new[] { marker } },
            },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("prompts[1].userPromptTemplate", errors);
        Assert.Contains("prompts[2].name", errors);
        Assert.Contains("prompts[2].section", errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("prompts[0]", StringComparison.Ordinal));
        var stored = await admin.GetJsonAsync($"{Root}?tag={marker}");
        Assert.Equal(0, stored.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Import_ANameTakenInTheDatabase_Is400ForThatItemAndStoresNothing()
    {
        using var admin = await app.AdminAsync();
        var marker = Guid.NewGuid().ToString("N");
        var existing = await admin.CreatePromptAsync("PARSER", name: $"Taken {marker}");

        var response = await admin.PostAsJsonAsync($"{Root}/import", new
        {
            mode = "create",
            prompts = new object[]
            {
                new { name = $"New {marker}", section = "PARSER", userPromptTemplate = "fine", tags = new[] { marker } },
                new { name = existing.Text("name"), section = "PARSER", userPromptTemplate = "x" },
            },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("prompts[1].name", out _));
        var search = await admin.GetJsonAsync($"{Root}?search=New {marker}");
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Import_TwoActivePromptsForOneSection_Is400()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync($"{Root}/import", new
        {
            mode = "create",
            prompts = new object[]
            {
                new { name = $"A {Guid.NewGuid()}", section = "PARSER", userPromptTemplate = "a", isActive = true },
                new { name = $"B {Guid.NewGuid()}", section = "PARSER", userPromptTemplate = "b", isActive = true },
            },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("prompts[1].isActive", out _));
    }

    [Fact]
    public async Task Import_UnknownMode_Is400()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync($"{Root}/import", new { mode = "merge", prompts = Array.Empty<object>() });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("mode", out _));
    }

    [Fact]
    public async Task Import_Upsert_UpdatesTheMatchingPromptAsANewVersion()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync("REPORT_GENERATION", user: "Old narrative");

        var response = await admin.PostAsJsonAsync($"{Root}/import", new
        {
            mode = "upsert",
            prompts = new[] { new { id = prompt.Id(), name = prompt.Text("name"), section = "REPORT_GENERATION", userPromptTemplate = "New narrative" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        var current = await admin.GetJsonAsync($"{Root}/{prompt.Id()}");
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal("New narrative", current.Text("userPromptTemplate"));
        Assert.Equal("Old narrative", (await admin.GetJsonAsync($"{Root}/{prompt.Id()}?version=1")).Text("userPromptTemplate"));
    }

    [Fact]
    public async Task ExportThenImport_IntoAnotherInstallation_RoundTripsTheLibrary()
    {
        using var admin = await app.AdminAsync();
        var custom = await admin.CreatePromptAsync("GAP_DETECTION", name: "Round trip", system: "Sys {{a}}", user: "User {{b}}", tags: ["rt", "coop"]);
        await admin.PostAsync($"{Root}/{custom.Id()}/activate?replace=true", null);
        var export = await admin.GetJsonAsync($"{Root}/export");

        using var other = new RiskIntelAppFactory();
        using var otherAdmin = await other.AdminAsync();
        var response = await otherAdmin.PostAsJsonAsync($"{Root}/import", new { mode = "upsert", prompts = export.GetProperty("prompts") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reExport = await otherAdmin.GetJsonAsync($"{Root}/export");
        Assert.Equal(Comparable(export), Comparable(reExport));
        var active = await otherAdmin.GetJsonAsync($"{Root}?section=GAP_DETECTION&active=true");
        Assert.Equal("Round trip", Assert.Single(active.GetProperty("items").EnumerateArray()).Text("name"));
    }

    [Fact]
    public async Task Export_AsAnalyst_Is403()
    {
        var (analyst, _) = await app.NewUserAsync();

        var response = await analyst.GetAsync($"{Root}/export");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Import_Anonymous_Is401()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync($"{Root}/import", new { mode = "create", prompts = Array.Empty<object>() });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>Content and activation of each exported prompt, without ids and versions (those belong to an installation).</summary>
    private static List<string> Comparable(JsonElement export) =>
        export.GetProperty("prompts").EnumerateArray()
            .Select(p => string.Join("|", p.Text("section"), p.Text("name"), p.Text("systemPrompt"), p.Text("userPromptTemplate"),
                string.Join(",", p.GetProperty("tags").EnumerateArray().Select(t => t.GetString())), p.GetProperty("isActive").GetBoolean()))
            .Order(StringComparer.Ordinal)
            .ToList();
}
