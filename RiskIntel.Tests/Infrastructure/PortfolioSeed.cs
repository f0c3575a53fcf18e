using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Core.Analysis;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>
/// Assessments with stored analysis versions, straight into the database. Each analysis is the offline engine's real
/// result for the Tumaini plan (evidence, drivers, narratives: the size a portfolio query has to read) with the
/// category scores a test asks for.
/// </summary>
internal static class PortfolioSeed
{
    private static readonly Lazy<RiskAnalysisOutcome> Template = new(() =>
        new OfflineRiskAnalysisEngine().AnalyzeAsync(PlanFixtures.TumainiRequest(), default).GetAwaiter().GetResult());

    public static async Task<Guid> AssessmentAsync(
        IDbContextFactory<RiskIntelDbContext> dbFactory, string userId, string name, string company, string? country, DateTime now)
    {
        await using var db = dbFactory.CreateDbContext();
        var assessment = Assessment.Create(new AssessmentDetails(name, company, "Cooperative", country), userId, now);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    /// <summary>Stores the next analysis version with these 7 category scores (taxonomy order) and completes the assessment.</summary>
    public static async Task<RiskAnalysisResult> AnalysisAsync(
        IDbContextFactory<RiskIntelDbContext> dbFactory, Guid assessmentId, DateTime now, params double[] categoryScores)
    {
        await using var db = dbFactory.CreateDbContext();
        var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId);
        var version = await db.RiskAnalyses.Where(a => a.AssessmentId == assessmentId).Select(a => (int?)a.Version).MaxAsync() ?? 0;
        var scores = Categories(categoryScores);
        var overall = RiskLevels.Round(categoryScores.Average());
        var record = new AnalysisRecord(Guid.CreateVersion7(), version + 1, OfflineRiskAnalysisEngine.EngineName, overall, RiskLevels.For(overall),
            scores, null, null, null, Template.Value.RulesVersion, []);
        db.RiskAnalyses.Add(RiskAnalysis.Record(assessmentId, record, Guid.NewGuid(), assessment.CreatedById, now));
        assessment.Complete(overall, RiskLevels.For(overall), "Scored.", now);
        await db.SaveChangesAsync();
        return record.Result;
    }

    /// <summary>The template's 7 categories with these scores (taxonomy order) and their levels.</summary>
    public static IReadOnlyList<CategoryScore> Categories(IReadOnlyList<double> scores)
    {
        Assert.Equal(7, scores.Count);
        return Template.Value.Scores.Select((c, i) => c with { Score = scores[i], Level = RiskLevels.For(scores[i]) }).ToList();
    }
}
