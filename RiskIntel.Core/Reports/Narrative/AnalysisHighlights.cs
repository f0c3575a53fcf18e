using RiskIntel.Core.Analysis;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Narrative;

/// <summary>A driver of one field, with the field it belongs to, for summaries across the whole analysis.</summary>
internal sealed record FieldDriver(RiskField Field, ScoreDriver Driver);

/// <summary>
/// What the summaries talk about, read from a stored analysis: categories by score, the strongest risk drivers
/// and mitigants (rule drivers only, not baselines or missing-information penalties), the fields without
/// information, and the recommendations by priority.
/// </summary>
internal sealed class AnalysisHighlights(RiskAnalysisResult analysis)
{
    private static readonly HashSet<string> BookkeepingRules = new(StringComparer.Ordinal)
    {
        SubcategoryScorer.BaselineRule, SubcategoryScorer.MissingRule, SubcategoryScorer.PartialRule, SubcategoryScorer.BoundsRule,
    };

    public RiskAnalysisResult Analysis => analysis;

    public IReadOnlyList<CategoryScore> ByScore { get; } = analysis.Scores.OrderByDescending(c => c.Score).ToList();

    public IReadOnlyList<FieldDriver> Risks { get; } = Drivers(analysis).Where(d => d.Driver.Effect > 0).OrderByDescending(d => d.Driver.Effect).ToList();

    public IReadOnlyList<FieldDriver> Mitigants { get; } = Drivers(analysis).Where(d => d.Driver.Effect < 0).OrderBy(d => d.Driver.Effect).ToList();

    public IReadOnlyList<(RiskField Field, bool Partial)> InformationGaps { get; } = analysis.Scores
        .SelectMany(c => c.Subcategories)
        .Where(s => s.Drivers.Any(d => d.Rule is SubcategoryScorer.MissingRule or SubcategoryScorer.PartialRule))
        .Select(s => (RiskTaxonomy.Find(s.Field)!, s.Drivers.Any(d => d.Rule == SubcategoryScorer.PartialRule)))
        .ToList();

    public IReadOnlyList<SubcategoryScore> HighFields { get; } = analysis.Scores.SelectMany(c => c.Subcategories)
        .Where(s => s.Level >= RiskLevel.High).OrderByDescending(s => s.Score).ToList();

    /// <summary>
    /// The recommendations of one priority, strongest first: those answering a risk driver by the driver's
    /// effect, then those asking for missing information, then the rest (e.g. a model's) in category order.
    /// </summary>
    public IReadOnlyList<Recommendation> Recommendations(RecommendationPriority priority) =>
        analysis.Scores.SelectMany(c => c.Recommendations.Where(r => r.Priority == priority).Select(r => (r, Weight: Weight(c, r))))
            .OrderByDescending(x => x.Weight)
            .Select(x => x.r)
            .ToList();

    private static double Weight(CategoryScore category, Recommendation recommendation)
    {
        var rule = recommendation.Id[(recommendation.Id.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var driver = category.Subcategories.SelectMany(s => s.Drivers).FirstOrDefault(d => d.Rule == rule);
        return driver is not null ? 100 + driver.Effect : rule.StartsWith("missing-", StringComparison.Ordinal) ? 50 : 0;
    }

    public static string Label(string categoryKey) => RiskTaxonomy.FindCategory(categoryKey)?.Label ?? categoryKey;

    private static IEnumerable<FieldDriver> Drivers(RiskAnalysisResult analysis) => analysis.Scores
        .SelectMany(c => c.Subcategories)
        .SelectMany(s => s.Drivers.Where(d => !BookkeepingRules.Contains(d.Rule) && d.Effect != 0)
            .Select(d => new FieldDriver(RiskTaxonomy.Find(s.Field)!, d)));
}
