using System.Net;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Ai.Bedrock;
using RiskIntel.Tests.Fakes;

namespace RiskIntel.Tests.Core.Ai.Bedrock;

public sealed class BedrockErrorTests
{
    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    [Theory]
    [InlineData(429, "ThrottlingException", true)]
    [InlineData(429, "ModelNotReadyException", true)]
    [InlineData(500, "InternalServerException", true)]
    [InlineData(503, "ServiceUnavailableException", true)]
    [InlineData(408, "ModelTimeoutException", true)]
    [InlineData(400, "ValidationException", false)]
    [InlineData(403, "AccessDeniedException", false)]
    [InlineData(404, "ResourceNotFoundException", false)]
    [InlineData(400, "ServiceQuotaExceededException", false)]
    [InlineData(424, "ModelErrorException", false)]
    [InlineData(403, "UnrecognizedClientException", false)]
    [InlineData(403, "InvalidSignatureException", false)]
    public async Task Error_WithAwsErrorType_BecomesBedrockExceptionOfThatKind(int status, string errorType, bool retryable)
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Error(status, errorType, "what went wrong"));
        using var host = AiTestHost.Build(NoRetries(fake));

        var error = await Assert.ThrowsAsync<BedrockException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello));

        Assert.Equal(errorType, error.Kind);
        Assert.Equal("what went wrong", error.Message);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(status, error.StatusCode);
        Assert.NotNull(error.RequestId);
    }

    [Theory]
    [InlineData(502, "ServiceUnavailableException")]
    [InlineData(503, "ServiceUnavailableException")]
    [InlineData(504, "TimeoutException")]
    public async Task Error_ProxyStatusWithoutErrorType_IsRetryable(int status, string kind)
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(FakeBedrockReply.Plain(status));
        using var host = AiTestHost.Build(NoRetries(fake));

        var error = await Assert.ThrowsAsync<BedrockException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello));

        Assert.Equal(kind, error.Kind);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task Error_ConnectionDropped_IsRetryableServiceUnavailable()
    {
        await using var fake = await FakeBedrockServer.StartAsync();
        fake.Enqueue(new FakeBedrockReply { Abort = true });
        using var host = AiTestHost.Build(NoRetries(fake));

        var error = await Assert.ThrowsAsync<BedrockException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Hello));

        Assert.Equal("ServiceUnavailableException", error.Kind);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task FromResponse_CapitalMessageAndCoralSuffix_AreParsed()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"Message":"bad input"}""", Encoding.UTF8, "application/json"),
        };
        response.Headers.Add("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/");

        var error = await BedrockErrors.FromResponseAsync(response, CancellationToken.None);

        Assert.Equal("ValidationException", error.Kind);
        Assert.Equal("bad input", error.Message);
    }

    [Fact]
    public async Task FromResponse_BodyTypeWithNamespace_IsUsedWhenHeaderIsMissing()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent("""{"__type":"com.amazon.bedrock#ThrottlingException","message":"slow down"}"""),
        };

        var error = await BedrockErrors.FromResponseAsync(response, CancellationToken.None);

        Assert.Equal("ThrottlingException", error.Kind);
        Assert.True(error.IsRetryable);
    }

    [Theory]
    [InlineData("x-amz-retry-after", "1500", 1500)]
    [InlineData("Retry-After", "3", 3000)]
    public async Task FromResponse_RetryAfterHeader_SetsRetryAfter(string header, string value, int expectedMs)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}") };
        response.Headers.TryAddWithoutValidation(header, value);

        var error = await BedrockErrors.FromResponseAsync(response, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), error.RetryAfter);
    }

    private static Dictionary<string, string?> NoRetries(FakeBedrockServer fake) => AiTestHost.Bedrock(
        fake,
        ("Ai:Bedrock:Resilience:MaxThrottleRetries", "0"),
        ("Ai:Bedrock:Resilience:MaxTransientRetries", "0"));
}
