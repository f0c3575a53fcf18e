using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Ai.Bedrock;
using RiskIntel.Tests.Fakes;

namespace RiskIntel.Tests.Core.Ai.Bedrock;

public sealed class BedrockResilienceTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    [Fact]
    public async Task Throttled_429429200_IsRetriedInsideTheCallAndSucceeds()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Throttled(), FakeBedrockReply.Throttled(), FakeBedrockReply.Ok("done"));
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));

        var response = await host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello);

        Assert.Equal("done", response.Text);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Throttled_RetryAfterHeader_IsHonoured()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Throttled() with { Headers = new Dictionary<string, string> { ["x-amz-retry-after"] = "300" } });
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake, ("Ai:Bedrock:Resilience:RetryMaxDelay", "00:00:05")));

        await host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello);

        var requests = fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(250), $"waited {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task Validation_400_FailsOnceWithoutRetry()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Error(400, "ValidationException", "maxTokens too large"));
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));

        var error = await Assert.ThrowsAsync<BedrockException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello));

        Assert.Equal("ValidationException", error.Kind);
        Assert.False(error.IsRetryable);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task InternalError_500x3_SurfacesARetryableErrorAfterThreeAttempts()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(
            FakeBedrockReply.Error(500, "InternalServerException"),
            FakeBedrockReply.Error(500, "InternalServerException"),
            FakeBedrockReply.Error(500, "InternalServerException"),
            FakeBedrockReply.Ok());
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));

        var error = await Assert.ThrowsAsync<BedrockException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello));

        Assert.Equal("InternalServerException", error.Kind);
        Assert.True(error.IsRetryable);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task SlowAnswer_PastRequestTimeout_FailsAsRetryableTimeout()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Slow(TimeSpan.FromSeconds(60)));
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake, ("Ai:RequestTimeout", "00:00:02")));

        var error = await Assert.ThrowsAsync<BedrockException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello));

        Assert.Equal("TimeoutException", error.Kind);
        Assert.True(error.IsRetryable);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task RequestTimeout_CoversWaitsBetweenRetries()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Throttled() with { Headers = new Dictionary<string, string> { ["x-amz-retry-after"] = "60000" } });
        using var host = AiTestHost.Build(AiTestHost.Bedrock(
            fake, ("Ai:RequestTimeout", "00:00:03"), ("Ai:Bedrock:Resilience:RetryMaxDelay", "00:01:00")));

        var error = await Assert.ThrowsAsync<BedrockException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello));

        Assert.Equal("TimeoutException", error.Kind);
        Assert.True(error.IsRetryable);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task CallerCancellation_IsNotReportedAsTimeout()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Slow(TimeSpan.FromSeconds(30)));
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));
        using var cancel = new CancellationTokenSource();
        var call = host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello, cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task CircuitBreaker_RepeatedServerFailures_OpensAndFailsFastAsRetryable()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Error(503, "ServiceUnavailableException"), FakeBedrockReply.Error(503, "ServiceUnavailableException"));
        using var host = AiTestHost.Build(Breaker(fake));
        var client = host.Services.GetRequiredService<IChatClient>();
        await Assert.ThrowsAsync<BedrockException>(() => client.GetResponseAsync(Hello));
        await Assert.ThrowsAsync<BedrockException>(() => client.GetResponseAsync(Hello));

        var error = await Assert.ThrowsAsync<BedrockException>(() => client.GetResponseAsync(Hello));

        Assert.Equal("ServiceUnavailableException", error.Kind);
        Assert.True(error.IsRetryable);
        Assert.Contains("circuit open", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task CircuitBreaker_ValidationErrors_NeverOpenIt()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            fake.Enqueue(FakeBedrockReply.Error(400, "ValidationException"));
        }

        using var host = AiTestHost.Build(Breaker(fake));
        var client = host.Services.GetRequiredService<IChatClient>();
        for (var i = 0; i < 5; i++)
        {
            var error = await Assert.ThrowsAsync<BedrockException>(() => client.GetResponseAsync(Hello));
            Assert.Equal("ValidationException", error.Kind);
        }

        var response = await client.GetResponseAsync(Hello);

        Assert.Equal(6, fake.Requests.Count);
        Assert.Equal("Echo: Hello", response.Text);
    }

    [Fact]
    public async Task Quota_BurstAboveTheRate_CompletesWithoutFailures()
    {
        await using var fake = await FakeBedrockServer.StartAsync(new FakeBedrockServer { RequestsPerSecondQuota = 20 });
        using var host = AiTestHost.Build(AiTestHost.Bedrock(
            fake,
            ("Ai:Bedrock:Resilience:InitialRequestsPerSecond", "40"),
            ("Ai:Bedrock:Resilience:RetryBaseDelay", "00:00:00.200"),
            ("Ai:Bedrock:Resilience:RetryMaxDelay", "00:00:02")));
        var client = host.Services.GetRequiredService<IChatClient>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.GetResponseAsync([new(ChatRole.User, $"call {i}")])));

        Assert.Equal(40, responses.Length);
        Assert.Equal(40, fake.SucceededCount);
    }

    private static Dictionary<string, string?> Breaker(FakeBedrockServer fake) => AiTestHost.Bedrock(
        fake,
        ("Ai:Bedrock:Resilience:MaxTransientRetries", "0"),
        ("Ai:Bedrock:Resilience:CircuitBreakerMinimumThroughput", "2"),
        ("Ai:Bedrock:Resilience:CircuitBreakerFailureRatio", "1.0"),
        ("Ai:Bedrock:Resilience:CircuitBreakerBreakDuration", "00:01:00"));
}
