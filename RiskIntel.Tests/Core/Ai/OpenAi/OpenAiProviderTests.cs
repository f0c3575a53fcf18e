using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Ai.OpenAi;
using RiskIntel.Tests.Fakes;

namespace RiskIntel.Tests.Core.Ai.OpenAi;

public sealed class OpenAiProviderTests
{
    private static readonly ChatMessage[] Prompt = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hello")];

    [Fact]
    public async Task OpenAi_CompatibleServer_ReturnsTextModelAndUsage()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        using var host = AiTestHost.Build(Settings(fake, ("Ai:OpenAI:ApiKey", "local-key")));

        var response = await host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Prompt);

        Assert.Equal("Local model says hi.", response.Text);
        Assert.Equal("llama3.2", response.ModelId);
        Assert.Equal(11, response.Usage!.InputTokenCount);
        Assert.Equal(5, response.Usage.OutputTokenCount);
        Assert.Equal(16, response.Usage.TotalTokenCount);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("llama3.2", request["model"]!.GetValue<string>());
        Assert.Equal(2, request["messages"]!.AsArray().Count);
        Assert.Equal("Bearer local-key", Assert.Single(fake.Authorizations));
    }

    [Fact]
    public async Task OpenAi_NoApiKey_StillCallsTheServer()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        using var host = AiTestHost.Build(Settings(fake));

        var response = await host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Prompt);

        Assert.Equal("Local model says hi.", response.Text);
    }

    [Theory]
    [InlineData(429, "ThrottlingException", true)]
    [InlineData(500, "ServiceUnavailableException", true)]
    [InlineData(503, "ServiceUnavailableException", true)]
    [InlineData(400, "ValidationException", false)]
    [InlineData(401, "AccessDeniedException", false)]
    [InlineData(403, "AccessDeniedException", false)]
    [InlineData(404, "ResourceNotFoundException", false)]
    public async Task OpenAi_ErrorStatus_IsClassified(int status, string kind, bool retryable)
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.Enqueue(status);
        using var host = AiTestHost.Build(Settings(fake));

        var error = await Assert.ThrowsAsync<OpenAiException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Prompt));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public async Task OpenAi_ServerDown_IsRetryableServiceUnavailable()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "OpenAI",
            ["Ai:OpenAI:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Ai:OpenAI:Model"] = "llama3.2",
            ["Ai:OpenAI:MaxRetries"] = "0",
        };
        using var host = AiTestHost.Build(settings);

        var error = await Assert.ThrowsAsync<OpenAiException>(
            () => host.Services.GetRequiredService<IChatClient>().GetResponseAsync(Prompt));

        Assert.Equal("ServiceUnavailableException", error.Kind);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task OpenAi_Streaming_ErrorIsClassifiedToo()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.Enqueue(429);
        using var host = AiTestHost.Build(Settings(fake));

        var error = await Assert.ThrowsAsync<OpenAiException>(async () =>
        {
            await foreach (var update in host.Services.GetRequiredService<IChatClient>().GetStreamingResponseAsync(Prompt))
            {
                Assert.NotNull(update);
            }
        });

        Assert.Equal("ThrottlingException", error.Kind);
    }

    private static Dictionary<string, string?> Settings(FakeOpenAiServer fake, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "OpenAI",
            ["Ai:OpenAI:Endpoint"] = fake.BaseUrl.ToString(),
            ["Ai:OpenAI:Model"] = "llama3.2",
            ["Ai:OpenAI:MaxRetries"] = "0",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }
}
