using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Prompts;

public sealed class PromptsVersioningTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    private const string Root = PromptApi.Root;

    [Fact]
    public async Task History_AfterAnEdit_ListsWhoChangedWhichFieldsNewestFirst()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync(user: "Old user text");
        await admin.UpdatePromptAsync(prompt, basedOn: 1, user: "New user text", name: "Renamed " + Guid.NewGuid());

        var history = (await admin.GetJsonAsync($"{Root}/{prompt.Id()}/history")).EnumerateArray().ToList();

        Assert.Equal(2, history.Count);
        var edit = history[0];
        Assert.Equal("UPDATED", edit.Text("kind"));
        Assert.Equal(2, edit.GetProperty("version").GetInt32());
        Assert.Equal(RiskIntelAppFactory.AdminEmail, edit.Text("changedBy"));
        var changes = edit.GetProperty("changes");
        Assert.Equal(["name", "userPromptTemplate"], changes.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Old user text", changes.GetProperty("userPromptTemplate").Text("old"));
        Assert.Equal("New user text", changes.GetProperty("userPromptTemplate").Text("new"));
        Assert.Equal("CREATED", history[1].Text("kind"));
        Assert.Equal(1, history[1].GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Versions_ListsEveryVersionNewestFirst()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync(user: "one");
        await admin.UpdatePromptAsync(prompt, basedOn: 1, user: "two");

        var versions = (await admin.GetJsonAsync($"{Root}/{prompt.Id()}/versions")).EnumerateArray().ToList();

        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(["two", "one"], versions.Select(v => v.Text("userPromptTemplate")));
    }

    [Fact]
    public async Task Activate_WhileAnotherIsActiveInTheSection_Is409NamingTheActivePrompt()
    {
        using var admin = await app.AdminAsync();
        var active = await ActiveOfAsync(admin, "GAP_DETECTION");
        var candidate = await admin.CreatePromptAsync("GAP_DETECTION");

        var response = await admin.PostAsync($"{Root}/{candidate.Id()}/activate", null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(active.Text("name"), problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(active.Id(), problem.GetProperty("activePromptId").GetGuid());
        Assert.Equal(active.Id(), (await ActiveOfAsync(admin, "GAP_DETECTION")).Id());
        Assert.False((await admin.GetJsonAsync($"{Root}/{candidate.Id()}")).GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task Activate_WithReplace_DeactivatesTheOtherPromptOfTheSection()
    {
        using var admin = await app.AdminAsync();
        var previous = await ActiveOfAsync(admin, "PARSER");
        var candidate = await admin.CreatePromptAsync("PARSER");

        var response = await admin.PostAsync($"{Root}/{candidate.Id()}/activate?replace=true", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actives = await admin.GetJsonAsync($"{Root}?section=PARSER&active=true");
        Assert.Equal(candidate.Id(), Assert.Single(actives.GetProperty("items").EnumerateArray()).Id());
        Assert.False((await admin.GetJsonAsync($"{Root}/{previous.Id()}")).GetProperty("isActive").GetBoolean());
        var previousHistory = await admin.GetJsonAsync($"{Root}/{previous.Id()}/history");
        Assert.Equal("DEACTIVATED", previousHistory[0].Text("kind"));
    }

    [Fact]
    public async Task Deactivate_ThenActivate_LeavesTheSectionWithThatPrompt()
    {
        using var admin = await app.AdminAsync();
        var active = await ActiveOfAsync(admin, "REPORT_GENERATION");

        var off = await admin.PostAsync($"{Root}/{active.Id()}/deactivate", null);
        var none = await admin.GetJsonAsync($"{Root}?section=REPORT_GENERATION&active=true");
        var on = await admin.PostAsync($"{Root}/{active.Id()}/activate", null);

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.True((await on.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task Activate_UnknownPrompt_Is404()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsync($"{Root}/{Guid.NewGuid()}/activate", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Comments_AReply_IsThreadedUnderItsParent()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync();
        var url = $"{Root}/{prompt.Id()}/comments";

        var first = await admin.PostAsJsonAsync(url, new { content = "Should this mention water rights?" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var parent = await first.Content.ReadFromJsonAsync<JsonElement>();
        var reply = await admin.PostAsJsonAsync(url, new { content = "Yes, under climate.", parentId = parent.Id() });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var thread = (await admin.GetJsonAsync(url)).EnumerateArray().ToList();
        Assert.Equal(2, thread.Count);
        Assert.Equal(JsonValueKind.Null, thread[0].GetProperty("parentId").ValueKind);
        Assert.Equal(parent.Id(), thread[1].GetProperty("parentId").GetGuid());
        Assert.Equal("Yes, under climate.", thread[1].Text("content"));
        Assert.Equal(RiskIntelAppFactory.AdminEmail, thread[1].Text("author"));
    }

    [Fact]
    public async Task Comments_ReplyToAnUnknownParentOrOneOfAnotherPrompt_Is400()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync();
        var other = await admin.CreatePromptAsync();
        var foreign = await (await admin.PostAsJsonAsync($"{Root}/{other.Id()}/comments", new { content = "elsewhere" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var unknown = await admin.PostAsJsonAsync($"{Root}/{prompt.Id()}/comments", new { content = "x", parentId = Guid.NewGuid() });
        var crossed = await admin.PostAsJsonAsync($"{Root}/{prompt.Id()}/comments", new { content = "x", parentId = foreign.Id() });

        var problem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("parentId", out _));
        await crossed.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty((await admin.GetJsonAsync($"{Root}/{prompt.Id()}/comments")).EnumerateArray());
    }

    [Fact]
    public async Task Comments_OnAnUnknownPrompt_Is404()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync($"{Root}/{Guid.NewGuid()}/comments", new { content = "x" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_AsAnalyst_Is403()
    {
        using var admin = await app.AdminAsync();
        var prompt = await admin.CreatePromptAsync();
        var (analyst, _) = await app.NewUserAsync();

        var response = await analyst.GetAsync($"{Root}/{prompt.Id()}/history");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonElement> ActiveOfAsync(HttpClient admin, string section)
    {
        var page = await admin.GetJsonAsync($"{Root}?section={section}&active=true");
        return Assert.Single(page.GetProperty("items").EnumerateArray());
    }
}
