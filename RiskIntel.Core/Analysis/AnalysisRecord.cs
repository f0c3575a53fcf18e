using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis;

/// <summary>
/// The RISK_ANALYSIS job's result (SPEC §4): the analysis content with its id and version, plus where it came from.
/// The completion handler stores it as a <see cref="RiskAnalysis"/> version in the transaction that completes the job.
/// </summary>
public sealed record AnalysisRecord(
    Guid AnalysisId,
    int Version,
    string Engine,
    double OverallScore,
    RiskLevel OverallLevel,
    IReadOnlyList<CategoryScore> Scores,
    string? Model,
    Guid? PromptId,
    int? PromptVersion,
    string? RulesVersion,
    IReadOnlyList<string> Notes)
{
    public RiskAnalysisResult Result => new(AnalysisId, Version, Engine, OverallScore, OverallLevel, Scores);
}
