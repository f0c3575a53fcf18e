using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Assessments;

/// <summary>Reads of a user's own assessments; anything else is "not found".</summary>
public sealed class AssessmentQueries(IDbContextFactory<RiskIntelDbContext> dbFactory)
{
    public async Task<AssessmentDto?> GetAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var assessment = await db.Assessments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && a.CreatedById == userId, cancellationToken);
        return assessment?.ToDto();
    }

    /// <summary>Newest first; <c>search</c> matches name, partner and country, ignoring case.</summary>
    public async Task<AssessmentPage> ListAsync(string userId, AssessmentListQuery query, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, 100);
        await using var db = dbFactory.CreateDbContext();
        var rows = db.Assessments.AsNoTracking().Where(a => a.CreatedById == userId);
        if (query.Status is { } status)
        {
            rows = rows.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = Assessment.NormaliseSearch(query.Search);
            rows = rows.Where(a => a.SearchText.Contains(term));
        }

        if (JobCursor.TryParse(query.Cursor, out var after))
        {
            rows = rows.Where(a => a.CreatedAt < after.CreatedAt || (a.CreatedAt == after.CreatedAt && a.Id.CompareTo(after.Id) < 0));
        }

        var page = await rows.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(limit + 1).ToListAsync(cancellationToken);
        var items = page.Take(limit).Select(a => a.ToDto()).ToList();
        var next = page.Count > limit ? JobCursor.Format(items[^1].CreatedAt, items[^1].Id) : null;
        return new AssessmentPage(items, next);
    }

    /// <summary>
    /// The user's jobs of this assessment (their input names it), oldest first, at most the <paramref name="limit"/>
    /// newest; null when the assessment is not the user's. Jobs outlive a deleted assessment but not its page.
    /// </summary>
    public async Task<IReadOnlyList<JobDto>?> ListJobsAsync(Guid id, string userId, int limit, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var createdAt = await db.Assessments.AsNoTracking().Where(a => a.Id == id && a.CreatedById == userId)
            .Select(a => (DateTime?)a.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (createdAt is not { } since)
        {
            return null;
        }

        // Job inputs are JSON text: the id finds the candidates (the index on user and time bounds the scan), and
        // only those whose assessmentId it is are kept, not a prompt that happens to quote it.
        var key = id.ToString("D");
        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.CreatedById == userId && j.CreatedAt >= since && j.Type != JobType.AiPreview && j.Input.Contains(key))
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Take(Math.Clamp(limit, 1, 200)).ToListAsync(cancellationToken);
        return jobs.Select(j => j.ToDto())
            .Where(j => j.Input.ValueKind == JsonValueKind.Object && j.Input.TryGetProperty("assessmentId", out var named) && named.ValueKind == JsonValueKind.String && named.GetString() == key)
            .Reverse().ToList();
    }

    public async Task<AssessmentStats> GetStatsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var counts = await db.Assessments.AsNoTracking().Where(a => a.CreatedById == userId)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        int Of(AssessmentStatus status) => counts.GetValueOrDefault(status);
        return new AssessmentStats(counts.Values.Sum(), Of(AssessmentStatus.Draft), Of(AssessmentStatus.Analyzing),
            Of(AssessmentStatus.ActionRequired), Of(AssessmentStatus.Complete), Of(AssessmentStatus.Failed));
    }
}
