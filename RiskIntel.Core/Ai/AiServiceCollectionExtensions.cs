using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Ai.Bedrock;
using RiskIntel.Core.Ai.Offline;
using RiskIntel.Core.Ai.OpenAi;

namespace RiskIntel.Core.Ai;

internal static class AiServiceCollectionExtensions
{
    /// <summary>The one <see cref="IChatClient"/> of the configured provider (Offline, Bedrock, OpenAI-compatible).</summary>
    public static IHostApplicationBuilder AddAi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.SectionName)
            .PostConfigure<IConfiguration>(ReadBedrockApiKeyFromEnvironment)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiOptions>, AiOptionsValidator>());
        services.TryAddSingleton<IAwsCredentialsSource, DefaultAwsCredentialsSource>();
        AddBedrock(services);
        services.TryAddSingleton<IChatClient>(CreateChatClient);
        return builder;
    }

    // AWS SDKs read a Bedrock API key from this variable; configuration keeps precedence.
    private static void ReadBedrockApiKeyFromEnvironment(AiOptions options, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(options.Bedrock.ApiKey))
        {
            options.Bedrock.ApiKey = configuration["AWS_BEARER_TOKEN_BEDROCK"];
        }
    }

    private static void AddBedrock(IServiceCollection services)
    {
        services.TryAddSingleton<BedrockRateLimiters>();
        services.TryAddTransient<BedrockRateLimitHandler>();
        services.TryAddTransient<BedrockAuthHandler>();

        // The chat client is a singleton holding this typed client, so connections are recycled by the
        // primary handler's PooledConnectionLifetime rather than by handler rotation.
        var http = services.AddHttpClient<BedrockChatClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Outermost first: resilience (breaker, call timeout, retries), pacing, then signing, so that
        // every attempt waits for its slot and is signed afresh.
        http.AddResilienceHandler(BedrockResilience.PipelineName, BedrockResilience.Configure);
        http.AddHttpMessageHandler<BedrockRateLimitHandler>().AddHttpMessageHandler<BedrockAuthHandler>();
    }

    private static IChatClient CreateChatClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;
        IChatClient client = options.Provider switch
        {
            AiProvider.Bedrock => services.GetRequiredService<BedrockChatClient>(),
            AiProvider.OpenAI => OpenAiChatClientFactory.Create(options),
            _ => ActivatorUtilities.CreateInstance<OfflineChatClient>(services),
        };
        return new MeteredChatClient(client, options.Provider.ToString().ToLowerInvariant());
    }
}
