using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Gaps;

internal static class GapsServiceCollectionExtensions
{
    /// <summary>GAP_DETECTION (offline or LLM engine), the stored gap fields and their review.</summary>
    public static IHostApplicationBuilder AddGaps(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GapDetectionOptions>().BindConfiguration(GapDetectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OfflineGapDetectionEngine>();
        services.TryAddSingleton<LlmGapDetectionEngine>();
        services.TryAddSingleton<GapDetectionEngineSelector>();
        services.TryAddSingleton<GapQueries>();
        services.TryAddSingleton<GapReviewService>();
        services.AddSingleton<IJobHandler, GapDetectionHandler>();
        services.AddSingleton<IJobCompletionHandler, GapsCompletionHandler>();
        return builder;
    }
}
