using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

// The model's RISK_ANALYSIS answer after schema validation and before its quotes are checked and its arithmetic redone.
internal sealed record LlmAnalysisAnswer(IReadOnlyList<LlmCategory> Categories, double? ClaimedOverall);

internal sealed record LlmCategory(
    RiskCategory Category,
    IReadOnlyList<LlmSubcategory> Subcategories,
    string Narrative,
    IReadOnlyList<LlmRecommendation> Recommendations,
    double? ClaimedScore);

internal sealed record LlmSubcategory(
    RiskField Field,
    double Score,
    RiskLevel? ClaimedLevel,
    IReadOnlyList<LlmQuote> Evidence,
    IReadOnlyList<LlmDriver> Drivers,
    string Mitigation);

internal sealed record LlmQuote(string Quote, int? Page);

internal sealed record LlmDriver(string Rule, double Effect, string? Description, LlmQuote? Quote);

internal sealed record LlmRecommendation(RecommendationPriority Priority, string Text);
