using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Reports.Narrative;

namespace RiskIntel.Core.Reports;

internal static class ReportsServiceCollectionExtensions
{
    /// <summary>REPORT_GENERATION (narrative + PDF), report versions and signed links.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<OfflineReportNarrator>();
        services.TryAddSingleton<LlmReportNarrator>();
        services.TryAddSingleton<ReportNarratorSelector>();
        services.TryAddSingleton<ReportQueries>();
        services.TryAddSingleton<ReportService>();
        services.TryAddSingleton<ReportLinks>();
        services.AddSingleton<IJobHandler, ReportGenerationHandler>();
        services.AddSingleton<IJobCompletionHandler, ReportsCompletionHandler>();
        return builder;
    }
}
