using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Ai;

/// <summary>
/// A model server that accepts the connection and never answers: <c>Ai:RequestTimeout</c> bounds each attempt,
/// the error says so once and readably, and the job is retried as SPEC §4 says for timeouts.
/// </summary>
public sealed class RequestTimeoutTests
{
    [Theory]
    [InlineData("Bedrock")]
    [InlineData("OpenAI")]
    public async Task Preview_ModelThatNeverAnswers_EachAttemptTimesOutAndTheJobFailsAfterItsRetries(string provider)
    {
        await using var silent = SilentTcpServer.Start();
        await using var app = new RiskIntelAppFactory()
            .With("Ai:Provider", provider)
            .With("Ai:RequestTimeout", "00:00:01")
            .With("Ai:Bedrock:Region", "us-east-1")
            .With("Ai:Bedrock:ModelId", "test-model")
            .With("Ai:Bedrock:ApiKey", "test-api-key")
            .With("Ai:Bedrock:Endpoint", silent.BaseUrl.ToString())
            .With("Ai:OpenAI:Endpoint", new Uri(silent.BaseUrl, "/v1").ToString())
            .With("Ai:OpenAI:Model", "llama3.2");
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new { userPrompt = "Is anyone there?" });
        var id = await response.AssertAcceptedJobAsync();
        var job = await app.WaitForAsync(id, JobStatus.Completed, JobStatus.Failed);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("TimeoutException: the model did not answer within 1 s", job.Error);
        Assert.Equal(3, job.Attempts);
        var events = await admin.GetFromJsonAsync<JsonElement[]>($"/api/jobs/{id}/events") ?? [];
        Assert.Equal(2, events.Count(e => e.GetProperty("to").GetString() == "PENDING" && e.GetProperty("from").GetString() == "PROCESSING"));
        Assert.True(silent.Accepted >= 3);
    }
}
