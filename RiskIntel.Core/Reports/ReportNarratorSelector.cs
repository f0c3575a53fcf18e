using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Ai;
using RiskIntel.Core.Reports.Narrative;

namespace RiskIntel.Core.Reports;

/// <summary>The offline narrator when no model is configured (<c>Ai:Provider=Offline</c>), the REPORT_GENERATION prompt otherwise.</summary>
public sealed class ReportNarratorSelector(IOptions<AiOptions> ai, IServiceProvider services)
{
    public IRiskReportNarrator Current => ai.Value.Provider == AiProvider.Offline
        ? services.GetRequiredService<OfflineReportNarrator>()
        : services.GetRequiredService<LlmReportNarrator>();
}
