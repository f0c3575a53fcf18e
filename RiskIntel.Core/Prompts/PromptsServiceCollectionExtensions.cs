using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Prompts;

internal static class PromptsServiceCollectionExtensions
{
    /// <summary>The prompt library, the lookup the pipeline's AI steps use, and the AI_PREVIEW handler.</summary>
    public static IHostApplicationBuilder AddPrompts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<PromptService>();
        services.TryAddSingleton<PromptQueries>();
        services.TryAddSingleton<PromptTransfer>();
        services.TryAddSingleton<ActivePromptLookup>();
        services.AddSingleton<IJobHandler, AiPreviewHandler>();

        // Registered after the database initializer, so it seeds a migrated database.
        services.AddHostedService<PromptSeeder>();
        return builder;
    }
}
