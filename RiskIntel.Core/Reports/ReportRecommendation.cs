using RiskIntel.Core.Analysis;

namespace RiskIntel.Core.Reports;

/// <summary>
/// A recommendation as the report shows it: <paramref name="Text"/> and <paramref name="Priority"/> are the analyst's
/// edit when <paramref name="Edited"/>, else the analysis' original.
/// </summary>
public sealed record ReportRecommendation(string Id, string Category, string Text, RecommendationPriority Priority, bool Edited)
{
    /// <summary>The analysis' own recommendations, unedited, in category order.</summary>
    public static IReadOnlyList<ReportRecommendation> FromAnalysis(RiskAnalysisResult analysis) =>
        analysis.Scores
            .SelectMany(c => c.Recommendations.Select(r => new ReportRecommendation(r.Id, c.Category, r.Text, r.Priority, Edited: false)))
            .ToList();
}
