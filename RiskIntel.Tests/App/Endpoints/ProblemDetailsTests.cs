using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints;

/// <summary>Every 4xx answer is problem details with a human <c>detail</c>; <c>errors</c> keys are the JSON field names.</summary>
public sealed class ProblemDetailsTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    [Fact]
    public async Task Login_InvalidFields_ErrorsAreKeyedByTheJsonNames()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "not-an-email" });

        var problem = await AssertDetailedAsync(response, HttpStatusCode.BadRequest);
        var keys = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("email", keys);
        Assert.Contains("password", keys);
        Assert.All(keys, k => Assert.True(char.IsLower(k[0]), $"{k} is camelCase"));
    }

    [Fact]
    public async Task CreateUser_InvalidEmail_ErrorsAreKeyedByTheJsonNames()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/users", new { email = "nope", password = "Good-Password-1", role = "Analyst" });

        var problem = await AssertDetailedAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["email"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Body_NotJson_Is400WithADetail()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/admin/prompts/preview", new StringContent("{ not json", Encoding.UTF8, "application/json"));

        await AssertDetailedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Body_FieldOfTheWrongType_NamesTheField()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/admin/prompts/preview", new StringContent("""{ "userPrompt": 5 }""", Encoding.UTF8, "application/json"));

        var problem = await AssertDetailedAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userPrompt", out _), problem.ToString());
    }

    [Fact]
    public async Task Body_NotJsonContentType_Is415WithADetail()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/admin/prompts/preview", new StringContent("userPrompt=x", Encoding.UTF8, "text/plain"));

        await AssertDetailedAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task StatusOnlyAnswers_CarryADetail()
    {
        using var anonymous = app.CreateClient();
        var (analyst, _) = await app.NewUserAsync();

        await AssertDetailedAsync(await anonymous.GetAsync("/api/jobs"), HttpStatusCode.Unauthorized);
        await AssertDetailedAsync(await analyst.GetAsync("/api/admin/jobs"), HttpStatusCode.Forbidden);
        await AssertDetailedAsync(await analyst.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
        await AssertDetailedAsync(await analyst.DeleteAsync("/api/jobs"), HttpStatusCode.MethodNotAllowed);
    }

    private static async Task<JsonElement> AssertDetailedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.AssertProblemAsync(status);
        Assert.True(problem.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString()), $"a detail in {problem}");
        return problem;
    }
}
