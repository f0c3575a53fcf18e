using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Analysis;

internal static class AnalysisServiceCollectionExtensions
{
    /// <summary>RISK_ANALYSIS (rule table or LLM engine), analysis versions, recommendation edits and comments.</summary>
    public static IHostApplicationBuilder AddAnalysis(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LlmRiskAnalysisOptions>().BindConfiguration(LlmRiskAnalysisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OfflineRiskAnalysisEngine>();
        services.TryAddSingleton<LlmRiskAnalysisEngine>();
        services.TryAddSingleton<RiskAnalysisEngineSelector>();
        services.TryAddSingleton<AnalysisQueries>();
        services.TryAddSingleton<AnalysisService>();
        services.AddSingleton<IJobHandler, RiskAnalysisHandler>();
        services.AddSingleton<IJobCompletionHandler, AnalysisCompletionHandler>();
        return builder;
    }
}
