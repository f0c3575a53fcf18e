using Microsoft.Extensions.Options;
using RiskIntel.Core.Ai;
using RiskIntel.Core.Gaps.Detection;

namespace RiskIntel.Core.Gaps;

/// <summary>The offline engine when no model is configured (<c>Ai:Provider=Offline</c>), the LLM engine otherwise.</summary>
public sealed class GapDetectionEngineSelector(
    IOptions<AiOptions> ai, OfflineGapDetectionEngine offline, IServiceProvider services)
{
    public IGapDetectionEngine Current => ai.Value.Provider == AiProvider.Offline
        ? offline
        : (IGapDetectionEngine)services.GetService(typeof(LlmGapDetectionEngine))!;
}
