using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Analysis;
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

        var joined = Join(db, rows);
        if (query.Levels is { Count: > 0 } levels)
        {
            var wanted = levels.ToList();
            joined = joined.Where(x => x.Analysis != null && wanted.Contains(x.Analysis.OverallLevel));
        }

        var items = (await Project(joined).ToListAsync(cancellationToken)).Select(ToRow);
        return new PortfolioView(PortfolioOrder.Apply(items, query.EffectiveSort, query.EffectiveDescending), Distinct(countries));
    }

    /// <summary>One row, for a live update; null when the assessment is not the user's.</summary>
    public async Task<PortfolioRow?> GetAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var rows = db.Assessments.AsNoTracking().Where(a => a.Id == id && a.CreatedById == userId);
        return await Project(Join(db, rows)).FirstOrDefaultAsync(cancellationToken) is { } row ? ToRow(row) : null;
    }

    // The latest version is the one with none above it: a join the unique (AssessmentId, Version) index answers on
    // every provider, where "order by version, take one" makes SQLite number and sort every analysis, JSON and all.
    private static IQueryable<Joined> Join(RiskIntelDbContext db, IQueryable<Assessment> rows) =>
        from a in rows
        join r in db.RiskAnalyses.Where(r => !db.RiskAnalyses.Any(n => n.AssessmentId == r.AssessmentId && n.Version > r.Version))
            on a.Id equals r.AssessmentId into latest
        from r in latest.DefaultIfEmpty()
        select new Joined { Assessment = a, Analysis = r };

    private static IQueryable<Projected> Project(IQueryable<Joined> joined) =>
        joined.Select(x => new Projected(x.Assessment.Id, x.Assessment.Name, x.Assessment.CompanyName, x.Assessment.Country, x.Assessment.Status,
            x.Analysis == null ? null
                : new LatestAnalysis(x.Analysis.Version, x.Analysis.OverallScore, x.Analysis.OverallLevel, x.Analysis.CreatedAt, x.Analysis.ResultJson)));

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

    // Member initialisation, not a constructor: EF can see through it to filter on the analysis.
    private sealed class Joined
    {
        public required Assessment Assessment { get; init; }

        public RiskAnalysis? Analysis { get; init; }
    }

    private sealed record Projected(Guid Id, string Name, string CompanyName, string? Country, AssessmentStatus Status, LatestAnalysis? Latest);

    private sealed record LatestAnalysis(int Version, double OverallScore, RiskLevel OverallLevel, DateTime CreatedAt, string ResultJson);

    // Only the category means of the result: the deserializer skips the evidence, drivers and narratives.
    private sealed record CategoryScores(IReadOnlyList<CategoryMean> Scores);

    private sealed record CategoryMean(string Category, double Score, RiskLevel Level);
}
