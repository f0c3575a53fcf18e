using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Prompts;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Ai;

/// <summary>AI_PREVIEW through the real job runner and the Bedrock client against the fake Bedrock server.</summary>
public sealed class AiPreviewBedrockJobTests
{
    private static readonly JsonObject Input = new()
    {
        ["systemPrompt"] = "You assess {{sector}} partners.",
        ["userPrompt"] = "Summarise the plan of {{name}}.",
        ["variables"] = new JsonObject { ["sector"] = "agricultural", ["name"] = "Coop Verde" },
    };

    [Fact]
    public async Task Preview_BedrockAnswers_CompletesWithTokensAfterOneAttempt()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));
        using var engine = Engine(host);
        var job = await engine.SubmitAsync(JobType.AiPreview, input: Input.DeepClone().AsObject());

        await engine.Runner.RunAsync(job.Id, default);

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Completed, stored.Status);
        Assert.Equal(1, stored.Attempts);
        var result = JsonNode.Parse(stored.Result!)!;
        Assert.Equal("Echo: Summarise the plan of Coop Verde.", result["output"]!.GetValue<string>());
        Assert.Equal(AiTestHost.ModelId, result["model"]!.GetValue<string>());
        Assert.True(result["inputTokens"]!.GetValue<long>() > 0);
        Assert.True(result["outputTokens"]!.GetValue<long>() > 0);
        Assert.Equal(
            result["inputTokens"]!.GetValue<long>() + result["outputTokens"]!.GetValue<long>(),
            result["tokensUsed"]!.GetValue<long>());
        Assert.Contains("You assess agricultural partners.", Assert.Single(fake.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ScriptedThrottling_IsRetriedInsideTheAttempt()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Throttled(), FakeBedrockReply.Throttled());
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));
        using var engine = Engine(host);
        var job = await engine.SubmitAsync(JobType.AiPreview, input: Input.DeepClone().AsObject());

        await engine.Runner.RunAsync(job.Id, default);

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Completed, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Preview_Validation400_FailsAfterOneAttempt()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Error(400, "ValidationException", "The provided model identifier is invalid."));
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));
        using var engine = Engine(host);
        var job = await engine.SubmitAsync(JobType.AiPreview, input: Input.DeepClone().AsObject());

        await engine.Runner.RunAsync(job.Id, default);

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal("ValidationException: The provided model identifier is invalid.", stored.Error);
    }

    [Fact]
    public async Task Preview_Persistent500_FailsAfterThreeAttempts()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        for (var i = 0; i < 9; i++)
        {
            fake.Enqueue(FakeBedrockReply.Error(500, "InternalServerException", "Internal server error"));
        }

        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));
        using var engine = Engine(host);
        var job = await engine.SubmitAsync(JobType.AiPreview, input: Input.DeepClone().AsObject());

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await engine.Runner.RunAsync(job.Id, default);
            if ((await engine.LoadAsync(job.Id)).NextAttemptAt is { } next)
            {
                engine.Clock.SetUtcNow(next);
            }
        }

        var stored = await engine.LoadAsync(job.Id);
        Assert.Equal(JobStatus.Failed, stored.Status);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal("InternalServerException: Internal server error", stored.Error);
        Assert.Equal(9, fake.Requests.Count);
    }

    private static JobEngineHarness Engine(Microsoft.Extensions.Hosting.IHost host) =>
        new(new AiPreviewHandler(host.Services.GetRequiredService<IChatClient>(), TimeProvider.System));
}
