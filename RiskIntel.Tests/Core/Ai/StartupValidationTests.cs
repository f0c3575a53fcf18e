using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Ai.Bedrock;
using RiskIntel.Core.Ai.Offline;

namespace RiskIntel.Tests.Core.Ai;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Ai:Bedrock:Region")]
    [InlineData("Ai:Bedrock:ModelId")]
    public void Bedrock_MissingSetting_FailsAtStartNamingTheKey(string key)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "Bedrock",
            ["Ai:Bedrock:Region"] = "us-east-1",
            ["Ai:Bedrock:ModelId"] = AiTestHost.ModelId,
            [key] = null,
        };
        using var host = AiTestHost.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => Validate(host));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bedrock_NoApiKeyAndNoAwsCredentials_FailsAtStartNamingTheKeys()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "Bedrock",
            ["Ai:Bedrock:Region"] = "us-east-1",
            ["Ai:Bedrock:ModelId"] = AiTestHost.ModelId,
        };
        using var host = AiTestHost.Build(settings, new AiTestHost.StaticCredentials(null));

        var error = Assert.Throws<OptionsValidationException>(() => Validate(host));

        Assert.Contains("Ai:Bedrock:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_BEARER_TOKEN_BEDROCK", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bedrock_ApiKeyFromAwsBearerTokenVariable_NeedsNoAwsCredentials()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "Bedrock",
            ["Ai:Bedrock:Region"] = "us-east-1",
            ["Ai:Bedrock:ModelId"] = AiTestHost.ModelId,
            ["AWS_BEARER_TOKEN_BEDROCK"] = "test-key",
        };
        using var host = AiTestHost.Build(settings, new AiTestHost.StaticCredentials(null));

        Validate(host);

        Assert.NotNull(host.Services.GetRequiredService<IChatClient>().GetService<BedrockChatClient>());
    }

    [Theory]
    [InlineData("Ai:OpenAI:Endpoint")]
    [InlineData("Ai:OpenAI:Model")]
    public void OpenAi_MissingSetting_FailsAtStartNamingTheKey(string key)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "OpenAI",
            ["Ai:OpenAI:Endpoint"] = "http://127.0.0.1:1/v1",
            ["Ai:OpenAI:Model"] = "llama3",
            [key] = null,
        };
        using var host = AiTestHost.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => Validate(host));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_Default_NeedsNoSettingsAndUsesTheOfflineClient()
    {
        using var host = AiTestHost.Build(new Dictionary<string, string?>(), new AiTestHost.StaticCredentials(null));

        Validate(host);

        Assert.NotNull(host.Services.GetRequiredService<IChatClient>().GetService<OfflineChatClient>());
    }

    private static void Validate(Microsoft.Extensions.Hosting.IHost host) =>
        host.Services.GetRequiredService<IStartupValidator>().Validate();
}
