using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Ai;
using RiskIntel.Core.Analysis.Scoring;

namespace RiskIntel.Core.Analysis;

/// <summary>The transparent rule engine when no model is configured (<c>Ai:Provider=Offline</c>), the LLM engine otherwise.</summary>
public sealed class RiskAnalysisEngineSelector(IOptions<AiOptions> ai, IServiceProvider services)
{
    private bool Offline => ai.Value.Provider == AiProvider.Offline;

    public string Name => Offline ? "offline rules" : "language model";

    public IRiskAnalysisEngine Current => Offline
        ? services.GetRequiredService<OfflineRiskAnalysisEngine>()
        : services.GetRequiredService<LlmRiskAnalysisEngine>();
}
