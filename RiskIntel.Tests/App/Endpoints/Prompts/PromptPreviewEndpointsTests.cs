using System.Net;
using System.Net.Http.Json;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Prompts;

public sealed class PromptPreviewEndpointsTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    [Fact]
    public async Task Preview_AsAdmin_Is202AndCompletesWithEveryResultField()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new
        {
            systemPrompt = "You assess {{company}}.",
            userPrompt = "Summarise the plan of {{company}}: maize, 400 ha, one borehole.",
            variables = new { company = "Acme Coop" },
        });
        var id = await response.AssertAcceptedJobAsync();
        await app.WaitForAsync(id, JobStatus.Completed, JobStatus.Failed);

        var job = await admin.GetJobJsonAsync(id);
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.Equal("AI_PREVIEW", job.GetProperty("type").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        var result = job.GetProperty("result");
        foreach (var field in new[] { "output", "model", "inputTokens", "outputTokens", "tokensUsed", "processingTimeMs", "renderedSystemPrompt", "renderedUserPrompt" })
        {
            Assert.True(result.TryGetProperty(field, out _), $"result.{field} is missing");
        }

        Assert.Equal("You assess Acme Coop.", result.GetProperty("renderedSystemPrompt").GetString());
        Assert.StartsWith("[Offline dry run", result.GetProperty("output").GetString(), StringComparison.Ordinal);
        Assert.True(result.GetProperty("tokensUsed").GetInt64() > 0);
    }

    [Fact]
    public async Task Preview_UserPromptTemplateAlias_IsAccepted()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { userPromptTemplate = "Hello from the alias" });
        var id = await response.AssertAcceptedJobAsync();
        var job = await app.WaitForAsync(id, JobStatus.Completed, JobStatus.Failed);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal("Hello from the alias", job.Result!.Value.GetProperty("renderedUserPrompt").GetString());
    }

    [Fact]
    public async Task Preview_UnknownVariable_FailsAtOnceWithoutRetry()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "Risks in {{region}}", variables = new { } });
        var id = await response.AssertAcceptedJobAsync();
        var job = await app.WaitForAsync(id, JobStatus.Completed, JobStatus.Failed);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal("ValidationException: unknown variable {{region}}", job.Error);
    }

    [Fact]
    public async Task Preview_WithoutUserPrompt_Is400WithTheFieldNamed()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { systemPrompt = "only a system prompt" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userPrompt", out _));
    }

    [Fact]
    public async Task Preview_MalformedJson_Is400Problem()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/admin/prompts/preview", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Preview_AsAnalyst_Is403()
    {
        var (analyst, _) = await app.NewUserAsync();

        var response = await analyst.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "hi" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Preview_Anonymous_Is401()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "hi" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Preview_SameIdempotencyKeyTwice_ReturnsTheSameJob()
    {
        using var admin = await app.AdminAsync();
        var key = Guid.NewGuid().ToString();

        var first = await SendWithKeyAsync(admin, key, "the same body");
        var second = await SendWithKeyAsync(admin, key, "the same body");

        Assert.Equal(await first.AssertAcceptedJobAsync(), await second.AssertAcceptedJobAsync());
    }

    [Fact]
    public async Task Preview_SameIdempotencyKeyAnotherBody_Is422()
    {
        using var admin = await app.AdminAsync();
        var key = Guid.NewGuid().ToString();
        await (await SendWithKeyAsync(admin, key, "first body")).AssertAcceptedJobAsync();

        var response = await SendWithKeyAsync(admin, key, "second body");

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Variables_ListsThePlaceholdersOfBothPrompts()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/variables", new { systemPrompt = "{{a}} {{b}}", userPrompt = "{{b}} {{c}}" });

        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(["a", "b", "c"], body.GetProperty("variables").EnumerateArray().Select(v => v.GetString()));
    }

    private static Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string key, string prompt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/prompts/preview") { Content = JsonContent.Create(new { userPrompt = prompt }) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
