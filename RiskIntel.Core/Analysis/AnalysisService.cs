using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Analysis;

public enum EditOutcome
{
    Saved,
    NotFound,
    Invalid,
}

public sealed record EditResult(EditOutcome Outcome, AnalysisDto? Analysis = null, string? Reason = null);

/// <summary>The analyst's writes on a scorecard: recommendation edits (the original stays in the version) and comments.</summary>
public sealed class AnalysisService(IDbContextFactory<RiskIntelDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Edits recommendation <paramref name="recommendationId"/> of the latest analysis (or of <paramref name="version"/>).</summary>
    public async Task<EditResult> EditRecommendationAsync(
        Guid assessmentId, string userId, string recommendationId, string text, RecommendationPriority priority, int? version,
        CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var rows = db.RiskAnalyses.Where(a => a.AssessmentId == assessmentId && db.Assessments.Any(x => x.Id == assessmentId && x.CreatedById == userId));
        var analysis = await (version is { } v ? rows.Where(a => a.Version == v) : rows.OrderByDescending(a => a.Version)).FirstOrDefaultAsync(cancellationToken);
        if (analysis is null || !analysis.Result.Scores.SelectMany(c => c.Recommendations).Any(r => r.Id == recommendationId))
        {
            return new EditResult(EditOutcome.NotFound);
        }

        var edit = await db.RecommendationEdits.FirstOrDefaultAsync(e => e.AnalysisId == analysis.Id && e.RecommendationId == recommendationId, cancellationToken);
        if (edit is null)
        {
            edit = RecommendationEdit.Create(analysis.Id, recommendationId);
            db.RecommendationEdits.Add(edit);
        }

        edit.Change(text, priority, userId, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var edits = await db.RecommendationEdits.AsNoTracking().Where(e => e.AnalysisId == analysis.Id)
            .ToDictionaryAsync(e => e.RecommendationId, StringComparer.Ordinal, cancellationToken);
        return new EditResult(EditOutcome.Saved, AnalysisQueries.ToDto(analysis, edits));
    }

    /// <summary>Posts a comment; a reply's parent must be a comment of the same assessment.</summary>
    public async Task<(EditOutcome Outcome, CommentDto? Comment)> CommentAsync(
        Guid assessmentId, string userId, string userEmail, string content, Guid? parentId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.CreatedById == userId, cancellationToken))
        {
            return (EditOutcome.NotFound, null);
        }

        if (parentId is { } parent && !await db.AssessmentComments.AnyAsync(c => c.Id == parent && c.AssessmentId == assessmentId, cancellationToken))
        {
            return (EditOutcome.Invalid, null);
        }

        var comment = AssessmentComment.Post(assessmentId, parentId, content, userId, userEmail, time.GetUtcNow().UtcDateTime);
        db.AssessmentComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return (EditOutcome.Saved, new CommentDto(comment.Id, comment.ParentId, comment.Content, comment.AuthorEmail, comment.CreatedAt));
    }
}
