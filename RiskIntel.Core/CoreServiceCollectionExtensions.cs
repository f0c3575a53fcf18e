using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RiskIntel.Core.Ai;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Files;
using RiskIntel.Core.Gaps;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Portfolio;
using RiskIntel.Core.Prompts;
using RiskIntel.Core.Reports;

namespace RiskIntel.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Persistence, the job engine, AI providers and every feature with its job handlers.</summary>
    public static IHostApplicationBuilder AddRiskIntelCore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddPersistence();
        builder.AddJobs();
        builder.AddAi();
        builder.AddPrompts();
        builder.AddFiles();
        builder.AddAssessments();
        builder.AddDocuments();
        builder.AddGaps();
        builder.AddAnalysis();
        builder.AddReports();
        builder.AddPortfolio();
        return builder;
    }
}
