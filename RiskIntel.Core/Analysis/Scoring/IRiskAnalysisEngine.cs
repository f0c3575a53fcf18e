namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// Scores a partner over the 7 × 5 risk model from its parsed documents and the analyst's reviewed gaps.
/// The offline engine applies the embedded rule table; the LLM engine runs the active RISK_ANALYSIS prompt.
/// Both hold every quote to the parsed text and compute category and overall scores as means.
/// </summary>
public interface IRiskAnalysisEngine
{
    /// <summary>
    /// The scores, evidence, drivers, narratives and recommendations of one analysis; the caller assigns the
    /// analysis id and version (<see cref="RiskAnalysisOutcome.ToResult"/>).
    /// </summary>
    Task<RiskAnalysisOutcome> AnalyzeAsync(RiskAnalysisRequest request, CancellationToken cancellationToken);
}
