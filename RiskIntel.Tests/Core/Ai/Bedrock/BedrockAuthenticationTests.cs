using Amazon.Runtime;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Ai.Bedrock;
using RiskIntel.Tests.Fakes;

namespace RiskIntel.Tests.Core.Ai.Bedrock;

public sealed class BedrockAuthenticationTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    [Fact]
    public async Task SigV4_StaticCredentials_FakeServerVerifiesTheSignature()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));

        var response = await host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello);

        Assert.Equal("Echo: Hello", response.Text);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("sigv4", request.Auth);
        Assert.Equal("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse", request.RawTarget);
        Assert.Equal(AiTestHost.ModelId, request.ModelId);
    }

    [Fact]
    public async Task SigV4_SessionCredentials_SendsAndSignsTheSecurityToken()
    {
        await using var fake = await FakeBedrockServer.StartAsync(new FakeBedrockServer { SessionToken = "session-token-example" });
        var credentials = new SessionAWSCredentials("AKIDEXAMPLE", fake.SecretAccessKey, "session-token-example");
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake), new AiTestHost.StaticCredentials(credentials));

        await host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello);

        var request = Assert.Single(fake.Requests);
        Assert.Equal("session-token-example", request.Headers["x-amz-security-token"]);
        Assert.Contains("x-amz-security-token", request.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigV4_WrongSecret_FailsNonRetryablyWithInvalidSignature()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        var wrong = new AiTestHost.StaticCredentials(new BasicAWSCredentials("AKIDEXAMPLE", "not-the-secret"));
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake), wrong);

        var error = await Assert.ThrowsAsync<BedrockException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello));

        Assert.Equal("InvalidSignatureException", error.Kind);
        Assert.False(error.IsRetryable);
        Assert.Equal(403, error.StatusCode);
    }

    [Fact]
    public async Task SigV4_EveryRetry_IsSignedAgain()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Throttled());
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));

        await host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello);

        Assert.Equal(2, fake.Requests.Count);
        Assert.All(fake.Requests, r => Assert.Equal("sigv4", r.Auth));
    }

    [Fact]
    public async Task ApiKey_Configured_SendsBearerTokenAndNoSignature()
    {
        await using var fake = await FakeBedrockServer.StartAsync(new FakeBedrockServer { ApiKey = "bedrock-api-key-test" });
        using var host = AiTestHost.Build(
            AiTestHost.Bedrock(fake, ("Ai:Bedrock:ApiKey", "bedrock-api-key-test")), new AiTestHost.StaticCredentials(null));

        await host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello);

        var request = Assert.Single(fake.Requests);
        Assert.Equal("bearer", request.Auth);
        Assert.False(request.Headers.ContainsKey("x-amz-date"));
    }

    [Fact]
    public async Task ApiKey_FromAwsBearerTokenBedrock_IsUsed()
    {
        await using var fake = await FakeBedrockServer.StartAsync(new FakeBedrockServer { ApiKey = "env-key" });
        using var host = AiTestHost.Build(
            AiTestHost.Bedrock(fake, ("AWS_BEARER_TOKEN_BEDROCK", "env-key")), new AiTestHost.StaticCredentials(null));

        await host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello);

        Assert.Equal("bearer", Assert.Single(fake.Requests).Auth);
    }

    [Fact]
    public async Task ApiKey_Wrong_FailsWithUnrecognizedClient()
    {
        await using var fake = await FakeBedrockServer.StartAsync(new FakeBedrockServer { ApiKey = "right" });
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake, ("Ai:Bedrock:ApiKey", "wrong")));

        var error = await Assert.ThrowsAsync<BedrockException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello));

        Assert.Equal("UnrecognizedClientException", error.Kind);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task ModelIdOverride_Arn_IsSentAsOneEscapedSegmentAndSignedCorrectly()
    {
        const string arn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0";
        await using var fake = await FakeBedrockServer.StartAsync();
        using var host = AiTestHost.Build(AiTestHost.Bedrock(fake));

        var response = await host.Services.GetRequiredService<IChatClient>()
            .GetResponseAsync(Hello, new ChatOptions { ModelId = arn });

        var request = Assert.Single(fake.Requests);
        Assert.Equal(arn, request.ModelId);
        Assert.Contains("inference-profile%2Fus.", request.RawTarget, StringComparison.Ordinal);
        Assert.Equal(arn, response.ModelId);
    }
}
