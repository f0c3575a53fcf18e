using System.Net.Http.Json;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Ai.Bedrock;
using RiskIntel.Core.Jobs;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Ai;

/// <summary>POST /api/admin/prompts/preview on the whole app with Ai:Provider=Bedrock pointed at the fake Bedrock server.</summary>
public sealed class AiPreviewBedrockEndToEndTests
{
    [Fact]
    public async Task Preview_Bedrock_CompletesWithTokensInOneAttempt()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        await using var app = App(fake);

        var job = await RunPreviewAsync(app);

        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        var result = job.GetProperty("result");
        Assert.Equal("Echo: Summarise the plan of Acme Coop.", result.GetProperty("output").GetString());
        Assert.Equal(AiTestHost.ModelId, result.GetProperty("model").GetString());
        Assert.True(result.GetProperty("inputTokens").GetInt64() > 0);
        Assert.True(result.GetProperty("outputTokens").GetInt64() > 0);
        Assert.Equal("sigv4", Assert.Single(fake.Requests).Auth);
    }

    [Fact]
    public async Task Preview_BedrockThrottlesTwice_IsRetriedInsideTheCallAndCompletes()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Throttled(), FakeBedrockReply.Throttled());
        await using var app = App(fake);

        var job = await RunPreviewAsync(app);

        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Preview_BedrockValidation400_FailsAfterOneAttempt()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Error(400, "ValidationException", "The provided model identifier is invalid."));
        await using var app = App(fake);

        var job = await RunPreviewAsync(app);

        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.StartsWith("ValidationException:", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Preview_BedrockPersistent500_FailsAfterThreeAttempts()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        for (var i = 0; i < 9; i++)
        {
            fake.Enqueue(FakeBedrockReply.Error(500, "InternalServerException", "Internal server error"));
        }

        await using var app = App(fake);

        var job = await RunPreviewAsync(app);

        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("attempts").GetInt32());
        Assert.Equal("InternalServerException: Internal server error", job.GetProperty("error").GetString());
        Assert.Equal(9, fake.Requests.Count);
    }

    private static RiskIntelAppFactory App(FakeBedrockServer fake)
    {
        var app = new RiskIntelAppFactory();
        foreach (var (key, value) in AiTestHost.Bedrock(fake))
        {
            app.With(key, value);
        }

        var credentials = new AiTestHost.StaticCredentials(new BasicAWSCredentials(fake.AccessKeyId, fake.SecretAccessKey));
        return app.WithServices(services => services.AddSingleton<IAwsCredentialsSource>(credentials));
    }

    private static async Task<JsonElement> RunPreviewAsync(RiskIntelAppFactory app)
    {
        using var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/prompts/preview", new
        {
            systemPrompt = "You assess {{company}}.",
            userPrompt = "Summarise the plan of {{company}}.",
            variables = new { company = "Acme Coop" },
        });
        var id = await response.AssertAcceptedJobAsync();
        await app.WaitForAsync(id, JobStatus.Completed, JobStatus.Failed);
        return await admin.GetJobJsonAsync(id);
    }
}
