using RiskIntel.Core.Documents;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis;

/// <summary>
/// An analysis version as the scorecard API shows it: the RISK_ANALYSIS result with where it came from, and the
/// recommendations as the analyst left them (each edited one carries its original).
/// </summary>
public sealed record AnalysisDto(
    Guid AnalysisId,
    Guid AssessmentId,
    int Version,
    string Engine,
    string? Model,
    Guid? PromptId,
    int? PromptVersion,
    string? RulesVersion,
    double OverallScore,
    RiskLevel OverallLevel,
    IReadOnlyList<CategoryView> Scores,
    IReadOnlyList<string> Notes,
    DateTime CreatedAt);

public sealed record CategoryView(
    string Category,
    string Label,
    double Score,
    RiskLevel Level,
    IReadOnlyList<SubcategoryScore> Subcategories,
    string Narrative,
    IReadOnlyList<RecommendationView> Recommendations);

/// <summary>A recommendation as it stands; <see cref="Original"/> is the engine's wording when the analyst edited it.</summary>
public sealed record RecommendationView(
    string Id, string Text, RecommendationPriority Priority, RecommendationOriginal? Original, DateTime? EditedAt);

public sealed record RecommendationOriginal(string Text, RecommendationPriority Priority);

public sealed record AnalysisVersionDto(
    int Version, Guid AnalysisId, string Engine, string? Model, double OverallScore, RiskLevel OverallLevel, DateTime CreatedAt);

public sealed record CommentDto(Guid Id, Guid? ParentId, string Content, string AuthorEmail, DateTime CreatedAt);

/// <summary>What changed between two versions, per subcategory that changed (score, level, evidence, drivers, correction).</summary>
public sealed record AnalysisDiff(
    int From, int To, ScoreChange Overall, IReadOnlyList<CategoryChange> Categories, IReadOnlyList<SubcategoryChange> Subcategories);

public sealed record ScoreChange(double From, double To, RiskLevel FromLevel, RiskLevel ToLevel)
{
    public double Change => Math.Round(To - From, 1);
}

public sealed record CategoryChange(string Category, ScoreChange Score);

public sealed record SubcategoryChange(
    string Field,
    string Name,
    ScoreChange Score,
    IReadOnlyList<Evidence> EvidenceAdded,
    IReadOnlyList<Evidence> EvidenceRemoved,
    IReadOnlyList<ScoreDriver> DriversAdded,
    IReadOnlyList<ScoreDriver> DriversRemoved,
    string? CorrectionFrom,
    string? CorrectionTo);
