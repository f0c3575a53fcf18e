using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Tests.App.Endpoints.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Prompts;

/// <summary>Every field of a preview has a documented size limit; beyond it the answer is 400 naming the field, or 413 for the body.</summary>
public sealed class PreviewLimitsTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    public static TheoryData<string, string> OversizedFields() => new()
    {
        { """{ "systemPrompt": "%100001%", "userPrompt": "ok" }""", "systemPrompt" },
        { """{ "userPrompt": "%100001%" }""", "userPrompt" },
        { """{ "userPromptTemplate": "%100001%" }""", "userPrompt" },
        { """{ "userPrompt": "{{company}}", "variables": { "company": "%20001%" } }""", "variables.company" },
        { """{ "userPrompt": "ok", "variables": { "%101%": "x" } }""", "variables" },
        { """{ "userPrompt": "ok", "model": "%201%" }""", "model" },
    };

    [Theory]
    [MemberData(nameof(OversizedFields))]
    public async Task Preview_FieldOverItsLimit_Is400NamingTheField(string template, string field)
    {
        using var admin = await app.AdminAsync();
        var body = System.Text.RegularExpressions.Regex.Replace(template, "%(\\d+)%", m => new string('a', int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

        var response = await admin.PostAsync("/api/admin/prompts/preview", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors name {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Preview_MoreVariablesThanAllowed_Is400()
    {
        using var admin = await app.AdminAsync();
        var variables = Enumerable.Range(0, 51).ToDictionary(i => $"v{i}", i => (object)$"value {i}");

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "ok", variables });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("variables", out _));
    }

    [Fact]
    public async Task Preview_IdempotencyKeyOver200Characters_Is400()
    {
        using var admin = await app.AdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/prompts/preview") { Content = JsonContent.Create(new { userPrompt = "ok" }) };
        request.Headers.Add("Idempotency-Key", new string('k', 201));

        var response = await admin.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("idempotencyKey", out _));
    }

    [Fact]
    public async Task Preview_BodyOverTheRequestLimit_Is413WithADetail()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = new string('a', 5 * 1024 * 1024) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("MiB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Preview_BlankIdempotencyKey_IsTreatedAsNoKey(string key)
    {
        using var admin = await app.AdminAsync();

        var first = await SubmitWithKeyAsync(admin, key, $"first {Guid.NewGuid():N}");
        var second = await SubmitWithKeyAsync(admin, key, $"second {Guid.NewGuid():N}");

        Assert.NotEqual(await first.AssertAcceptedJobAsync(), await second.AssertAcceptedJobAsync());
    }

    [Fact]
    public async Task Preview_OneWordRepeated48000Times_CompletesOnTheFirstAttempt()
    {
        using var admin = await app.AdminAsync();
        // Within the 100,000-character limit, yet the one sentence scores 48,000 × 48,000: more than an int holds.
        var prompt = string.Join(' ', Enumerable.Repeat("x", 48_000));

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = prompt });
        var job = await app.WaitForAsync(await response.AssertAcceptedJobAsync(), JobStatus.Completed, JobStatus.Failed);

        Assert.True(prompt.Length < 100_000);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(1, job.Attempts);
    }

    private static async Task<HttpResponseMessage> SubmitWithKeyAsync(HttpClient client, string key, string prompt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/prompts/preview") { Content = JsonContent.Create(new { userPrompt = prompt }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}

/// <summary>What a handler produces is bounded too, and a bug in a handler fails the job at once.</summary>
public sealed class JobOutcomeLimitsTests : IDisposable
{
    private readonly ScriptedJobHandler _handler = new(JobType.AiPreview);
    private readonly RiskIntelAppFactory _app;

    public JobOutcomeLimitsTests()
    {
        _app = new RiskIntelAppFactory().WithServices(s => s.AddSingleton<IJobHandler>(_handler));
    }

    [Fact]
    public async Task Job_ResultOverTheLimit_FailsWithoutRetryAndStoresNoResult()
    {
        _handler.Return(new { text = new string('r', 17 * 1024 * 1024) });
        using var admin = await _app.AdminAsync();

        var id = await JobsEndpointsTests.SubmitPreviewAsync(admin, $"huge result {Guid.NewGuid():N}");
        var job = await _app.WaitForAsync(id, JobStatus.Completed, JobStatus.Failed);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.StartsWith("ValidationException: ", job.Error, StringComparison.Ordinal);
        Assert.Null(job.Result);
    }

    [Fact]
    public async Task Job_HandlerThrowsAnExceptionNobodyClassified_FailsAtOnce()
    {
        _handler.Throw(new InvalidOperationException("a bug in our code"));
        using var admin = await _app.AdminAsync();

        var id = await JobsEndpointsTests.SubmitPreviewAsync(admin, $"buggy {Guid.NewGuid():N}");
        var job = await _app.WaitForAsync(id, JobStatus.Completed, JobStatus.Failed);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal("InvalidOperationException: a bug in our code", job.Error);
    }

    public void Dispose() => _app.Dispose();
}
