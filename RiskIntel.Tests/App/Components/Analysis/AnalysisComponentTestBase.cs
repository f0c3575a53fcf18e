using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Reports;
using RiskIntel.Tests.App.Components.Assessments;
using RiskIntel.Tests.Core.Reports.Samples;

namespace RiskIntel.Tests.App.Components.Analysis;

/// <summary>
/// The assessment base plus the real analysis and report services, and seeding of stored analysis versions (the
/// sample dairy cooperative's 35 scored fields) and report versions, as the completion handlers leave them.
/// </summary>
public abstract class AnalysisComponentTestBase : AssessmentComponentTestBase
{
    protected AnalysisComponentTestBase()
        : base(addServices: fixture => ((AnalysisComponentTestBase)fixture).AddAnalysisServices())
    {
    }

    protected ReportLinks Links { get; private set; } = null!;

    private void AddAnalysisServices()
    {
        Links = new ReportLinks(new EphemeralDataProtectionProvider(), Clock);
        Services.AddSingleton(new AnalysisQueries(Db));
        Services.AddSingleton(new AnalysisService(Db, Clock));
        Services.AddSingleton(new ReportQueries(Db, Files));
        Services.AddSingleton(new ReportService(Db, Jobs));
        Services.AddSingleton(Links);
    }

    /// <summary>
    /// Stores analysis <paramref name="version"/> of the sample fields (changed by <paramref name="edit"/>); evidence points
    /// at <paramref name="documentId"/> when given.
    /// </summary>
    private protected async Task<RiskAnalysisResult> SeedAnalysisAsync(
        Guid assessmentId, int version = 1, Func<SampleField, SampleField>? edit = null, Guid? documentId = null)
    {
        var sample = SampleReports.Analysis(SampleSubcategories.All.Select(edit ?? (f => f)).ToList());
        var result = sample with
        {
            AnalysisId = Guid.NewGuid(),
            Version = version,
            Engine = "offline-rules",
            Scores = documentId is { } id ? [.. sample.Scores.Select(c => Retarget(c, id))] : sample.Scores,
        };
        Clock.Advance(TimeSpan.FromMinutes(1));
        await using var db = Db.CreateDbContext();
        var record = new AnalysisRecord(result.AnalysisId, result.Version, result.Engine, result.OverallScore, result.OverallLevel, result.Scores,
            Model: null, PromptId: null, PromptVersion: null, RulesVersion: "2026.11", Notes: []);
        db.RiskAnalyses.Add(RiskAnalysis.Record(assessmentId, record, Guid.NewGuid(), UserId, Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>A report version of <paramref name="analysis"/>, as the report step's completion records it.</summary>
    protected async Task<ReportDto> SeedReportAsync(Guid assessmentId, RiskAnalysisResult analysis, int version = 1)
    {
        var id = Guid.NewGuid();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await using var db = Db.CreateDbContext();
        db.Reports.Add(Report.Record(assessmentId, new ReportGenerationResult(id, ReportGenerationResult.UrlOf(id), version, 14, 182_000,
            analysis.AnalysisId, analysis.Version, new string('a', 64)), UserId, Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        return (await new ReportQueries(Db, Files).GetAsync(id, UserId, default))!;
    }

    private static CategoryScore Retarget(CategoryScore category, Guid documentId) => category with
    {
        Subcategories = [.. category.Subcategories.Select(s => s with { Evidence = [.. s.Evidence.Select(e => e with { DocumentId = documentId })] })],
    };
}
