using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskIntel.Core;
using RiskIntel.Core.Ai.Bedrock;
using RiskIntel.Tests.Fakes;

namespace RiskIntel.Tests.Core.Ai;

/// <summary>Builds (without starting) a host with RiskIntel's Core registrations and the given AI settings.</summary>
internal static class AiTestHost
{
    public const string ModelId = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    public static IHost Build(IDictionary<string, string?> settings, IAwsCredentialsSource? credentials = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RiskIntel"] = "Data Source=:memory:",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(credentials ?? new StaticCredentials(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")));
        builder.AddRiskIntelCore();
        return builder.Build();
    }

    /// <summary>Settings for the Bedrock provider pointed at <paramref name="fake"/>, with fast retries.</summary>
    public static Dictionary<string, string?> Bedrock(FakeBedrockServer fake, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "Bedrock",
            ["Ai:RequestTimeout"] = "00:00:10",
            ["Ai:Bedrock:Region"] = fake.Region,
            ["Ai:Bedrock:ModelId"] = ModelId,
            ["Ai:Bedrock:Endpoint"] = fake.Endpoint.ToString(),
            ["Ai:Bedrock:Resilience:InitialRequestsPerSecond"] = "1000",
            ["Ai:Bedrock:Resilience:MaxRequestsPerSecond"] = "1000",
            ["Ai:Bedrock:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Ai:Bedrock:Resilience:RetryMaxDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    internal sealed class StaticCredentials(AWSCredentials? credentials) : IAwsCredentialsSource
    {
        public AWSCredentials? Resolve() => credentials;
    }
}
