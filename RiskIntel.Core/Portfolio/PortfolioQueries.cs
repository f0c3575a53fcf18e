using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Portfolio;

/// <summary>
/// A user's assessments side by side with the scores of their latest analysis. Two queries whatever the size: the
/// user's countries, then the assessments joined to their latest analysis. Category scores live only in the
/// analysis' result JSON, so filtering by country and level happens in the database and sorting in memory.
/// </summary>
public sealed class PortfolioQueries(IDbContextFactory<RiskIntelDbContext> dbFactory)
{
    public async Task<PortfolioView> ListAsync(string userId, PortfolioQuery query, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var countries = await CountriesAsync(db, userId, cancellationToken);
        var rows = db.Assessments.AsNoTracking().Where(a => a.CreatedById == userId);
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            // Spellings as stored: the database need not know how to ignore case in every script.
            var spellings = countries.Where(c => string.Equals(c.Trim(), query.Country.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (spellings.Count == 0)
            {
                return new PortfolioView([], Distinct(countries));
            }

            rows = rows.Where(a => spellings.Contains(a.Country!));
        }

        if (query.Levels is { Count: > 0 } levels)
        {
            var wanted = levels.Select(l => (RiskLevel?)l).ToList();
            rows = rows.Where(a => wanted.Contains(db.RiskAnalyses.Where(r => r.AssessmentId == a.Id)
                .OrderByDescending(r => r.Version).Select(r => (RiskLevel?)r.OverallLevel).FirstOrDefault()));
        }

        var items = (await Project(db, rows).ToListAsync(cancellationToken)).Select(ToRow);
        return new PortfolioView(PortfolioOrder.Apply(items, query.EffectiveSort, query.EffectiveDescending), Distinct(countries));
    }

    /// <summary>One row, for a live update; null when the assessment is not the user's.</summary>
    public async Task<PortfolioRow?> GetAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var rows = db.Assessments.AsNoTracking().Where(a => a.Id == id && a.CreatedById == userId);
        return await Project(db, rows).FirstOrDefaultAsync(cancellationToken) is { } row ? ToRow(row) : null;
    }

    private static IQueryable<Projected> Project(RiskIntelDbContext db, IQueryable<Assessment> rows) =>
        rows.Select(a => new Projected(a.Id, a.Name, a.CompanyName, a.Country, a.Status,
            db.RiskAnalyses.Where(r => r.AssessmentId == a.Id).OrderByDescending(r => r.Version)
                .Select(r => new LatestAnalysis(r.Version, r.OverallScore, r.OverallLevel, r.CreatedAt, r.ResultJson)).FirstOrDefault()));

    private static Task<List<string>> CountriesAsync(RiskIntelDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking().Where(a => a.CreatedById == userId && a.Country != null && a.Country != "")
            .Select(a => a.Country!).Distinct().ToListAsync(cancellationToken);

    private static List<string> Distinct(IEnumerable<string> countries) =>
        countries.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, ignoreCase: true)).ToList();

    private static PortfolioRow ToRow(Projected row)
    {
        var latest = row.Latest;
        var scores = latest is null ? [] : JsonSerializer.Deserialize<CategoryScores>(latest.ResultJson, ApiJson.Options)?.Scores ?? [];
        var cells = RiskTaxonomy.Categories.Select(c => scores.FirstOrDefault(s => s.Category == c.Key) is { } s
            ? new PortfolioCell(c.Key, s.Score, s.Level)
            : new PortfolioCell(c.Key, null, null)).ToList();
        return new PortfolioRow(row.Id, row.Name, row.CompanyName, row.Country, row.Status, latest?.OverallScore, latest?.OverallLevel,
            cells, latest?.CreatedAt, latest?.Version);
    }

    private sealed record Projected(Guid Id, string Name, string CompanyName, string? Country, AssessmentStatus Status, LatestAnalysis? Latest);

    private sealed record LatestAnalysis(int Version, double OverallScore, RiskLevel OverallLevel, DateTime CreatedAt, string ResultJson);

    // Only the category means of the result: the deserializer skips the evidence, drivers and narratives.
    private sealed record CategoryScores(IReadOnlyList<CategoryMean> Scores);

    private sealed record CategoryMean(string Category, double Score, RiskLevel Level);
}
