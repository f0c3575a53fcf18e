using RiskIntel.Core.Documents;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis;

/// <summary>The <c>RISK_ANALYSIS</c> result (SPEC §4): 7 category scores of 5 subcategories each, and the overall profile.</summary>
public sealed record RiskAnalysisResult(
    Guid AnalysisId,
    int Version,
    string Engine,
    double OverallScore,
    RiskLevel OverallLevel,
    IReadOnlyList<CategoryScore> Scores);

/// <summary>A category: the mean of its subcategory scores, a narrative, and prioritised recommendations.</summary>
public sealed record CategoryScore(
    string Category,
    double Score,
    RiskLevel Level,
    IReadOnlyList<SubcategoryScore> Subcategories,
    string Narrative,
    IReadOnlyList<Recommendation> Recommendations);

/// <summary>
/// One of the 35 fields: its score, the evidence it rests on (verbatim quotes, or the analyst's correction),
/// the drivers that moved it from its baseline, and how the risk could be mitigated.
/// </summary>
public sealed record SubcategoryScore(
    string Field,
    string Name,
    double Score,
    RiskLevel Level,
    IReadOnlyList<Evidence> Evidence,
    string? Correction,
    IReadOnlyList<ScoreDriver> Drivers,
    string Mitigation);

/// <summary>
/// Why a score moved: the rule (or the model's reason), by how many points (positive raises risk), and the
/// quote that triggered it where there is one.
/// </summary>
public sealed record ScoreDriver(string Rule, double Effect, string? Description = null, Evidence? Evidence = null);

public enum RecommendationPriority
{
    High,
    Medium,
    Low,
}

public sealed record Recommendation(string Id, string Text, RecommendationPriority Priority);
