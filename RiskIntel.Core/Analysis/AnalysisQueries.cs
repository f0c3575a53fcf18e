using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis;

/// <summary>Reads of the analysis versions, their diffs and the comments of a user's own assessment.</summary>
public sealed class AnalysisQueries(IDbContextFactory<RiskIntelDbContext> dbFactory)
{
    /// <summary>The analysis at <paramref name="version"/>, or the latest; null when there is none or the assessment is not the user's.</summary>
    public async Task<AnalysisDto?> GetAsync(Guid assessmentId, string userId, int? version, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var analysis = await Find(db, assessmentId, userId, version).FirstOrDefaultAsync(cancellationToken);
        if (analysis is null)
        {
            return null;
        }

        var edits = await db.RecommendationEdits.AsNoTracking().Where(e => e.AnalysisId == analysis.Id)
            .ToDictionaryAsync(e => e.RecommendationId, StringComparer.Ordinal, cancellationToken);
        return ToDto(analysis, edits);
    }

    public async Task<IReadOnlyList<AnalysisVersionDto>?> ListVersionsAsync(Guid assessmentId, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await Owns(db, assessmentId, userId, cancellationToken))
        {
            return null;
        }

        return await db.RiskAnalyses.AsNoTracking().Where(a => a.AssessmentId == assessmentId).OrderByDescending(a => a.Version)
            .Select(a => new AnalysisVersionDto(a.Version, a.Id, a.Engine, a.Model, a.OverallScore, a.OverallLevel, a.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>What changed from version <paramref name="from"/> to <paramref name="to"/>; null when either is missing.</summary>
    public async Task<AnalysisDiff?> DiffAsync(Guid assessmentId, string userId, int from, int to, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var before = await Find(db, assessmentId, userId, from).FirstOrDefaultAsync(cancellationToken);
        var after = await Find(db, assessmentId, userId, to).FirstOrDefaultAsync(cancellationToken);
        return before is null || after is null ? null : AnalysisDiffer.Compare(before.Result, after.Result);
    }

    public async Task<IReadOnlyList<CommentDto>?> ListCommentsAsync(Guid assessmentId, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await Owns(db, assessmentId, userId, cancellationToken))
        {
            return null;
        }

        return await db.AssessmentComments.AsNoTracking().Where(c => c.AssessmentId == assessmentId).OrderBy(c => c.CreatedAt)
            .Select(c => new CommentDto(c.Id, c.ParentId, c.Content, c.AuthorEmail, c.CreatedAt)).ToListAsync(cancellationToken);
    }

    internal static AnalysisDto ToDto(RiskAnalysis analysis, IReadOnlyDictionary<string, RecommendationEdit> edits)
    {
        var result = analysis.Result;
        var categories = result.Scores.Select(c => new CategoryView(
            c.Category,
            RiskTaxonomy.FindCategory(c.Category)?.Label ?? c.Category,
            c.Score,
            c.Level,
            c.Subcategories,
            c.Narrative,
            c.Recommendations.Select(r => edits.TryGetValue(r.Id, out var edit)
                ? new RecommendationView(r.Id, edit.Text, edit.Priority, new RecommendationOriginal(r.Text, r.Priority), edit.EditedAt)
                : new RecommendationView(r.Id, r.Text, r.Priority, null, null)).ToList())).ToList();
        return new AnalysisDto(analysis.Id, analysis.AssessmentId, analysis.Version, analysis.Engine, analysis.Model, analysis.PromptId,
            analysis.PromptVersion, analysis.RulesVersion, analysis.OverallScore, analysis.OverallLevel, categories, analysis.Notes, analysis.CreatedAt);
    }

    private static IQueryable<RiskAnalysis> Find(RiskIntelDbContext db, Guid assessmentId, string userId, int? version)
    {
        var rows = db.RiskAnalyses.AsNoTracking()
            .Where(a => a.AssessmentId == assessmentId && db.Assessments.Any(x => x.Id == assessmentId && x.CreatedById == userId));
        return version is { } v ? rows.Where(a => a.Version == v) : rows.OrderByDescending(a => a.Version);
    }

    private static Task<bool> Owns(RiskIntelDbContext db, Guid assessmentId, string userId, CancellationToken cancellationToken) =>
        db.Assessments.AnyAsync(a => a.Id == assessmentId && a.CreatedById == userId, cancellationToken);
}
