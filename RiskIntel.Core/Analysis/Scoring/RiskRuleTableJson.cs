namespace RiskIntel.Core.Analysis.Scoring;

// The shape of risk-rules.json as written; RiskRuleTableValidator turns it into a RiskRuleTable or lists what is wrong.
internal sealed record RiskRuleTableJson(
    string? Version,
    double MaxRuleEffect,
    MissingInformationJson? MissingInformation,
    RecommendationPolicyJson? Recommendations,
    NegationJson? Negation,
    IReadOnlyList<SubcategoryRulesJson>? Subcategories);

internal sealed record MissingInformationJson(double Missing, double Partial, bool WaivedByCorrection);

internal sealed record RecommendationPolicyJson(
    double HighAtEffect,
    double MediumAtEffect,
    int MaxPerCategory,
    string? MissingMandatory,
    string? PartialMandatory,
    string? MissingOptional,
    string? PartialOptional);

internal sealed record NegationJson(
    int WindowWords,
    int IntentionWindowWords,
    string? BudgetLinePattern,
    IReadOnlyList<string>? Cues,
    IReadOnlyList<string>? IntentionCues,
    IReadOnlyList<string>? ClauseBreaks);

internal sealed record SubcategoryRulesJson(
    string? Field,
    double Baseline,
    double? Missing,
    double? Partial,
    string? Request,
    string? Mitigation,
    IReadOnlyList<RiskRuleJson>? Rules);

internal sealed record RiskRuleJson(
    string? Id,
    double Effect,
    IReadOnlyList<string>? Terms,
    IReadOnlyList<string>? Patterns,
    IReadOnlyList<string>? Opposes,
    string? Description,
    string? Mitigation,
    string? Recommendation);
