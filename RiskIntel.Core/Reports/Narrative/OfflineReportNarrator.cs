using RiskIntel.Core.Analysis;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Narrative;

/// <summary>
/// The default narrator: composes the report text from the analysis alone (scores, drivers, recommendations),
/// deterministically, so the same analysis version always gives the same report text.
/// </summary>
public sealed class OfflineReportNarrator : IRiskReportNarrator
{
    public const string EngineName = "offline-narrative";

    public Task<ReportNarrative> ComposeAsync(ReportNarrativeRequest request, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Compose(request));
        }
        catch (Exception ex)
        {
            return Task.FromException<ReportNarrative>(ex);
        }
    }

    private static ReportNarrative Compose(ReportNarrativeRequest request)
    {
        var highlights = new AnalysisHighlights(request.Analysis);
        var narrative = new ReportNarrative(
            ExecutiveSummaryComposer.Compose(request, highlights),
            OverallProfileComposer.Compose(highlights),
            request.Analysis.Scores.Select(c => new ReportCategoryNarrative(c.Category, c.Narrative)).ToList(),
            KeyRecommendations(highlights),
            Conclusion(request, highlights))
        {
            Engine = EngineName,
        };
        return narrative;
    }

    /// <summary>Every HIGH recommendation; when there are fewer than three, the strongest MEDIUM ones fill up.</summary>
    internal static IReadOnlyList<Recommendation> KeyRecommendations(AnalysisHighlights highlights)
    {
        var high = highlights.Recommendations(RecommendationPriority.High);
        return high.Count >= 3 ? high : high.Concat(highlights.Recommendations(RecommendationPriority.Medium).Take(3 - high.Count)).ToList();
    }

    private static string Conclusion(ReportNarrativeRequest request, AnalysisHighlights highlights)
    {
        var high = highlights.Recommendations(RecommendationPriority.High).Count;
        var conditions = high switch
        {
            0 => "The analysis raises no high-priority condition.",
            1 => "The analysis raises one high-priority condition.",
            _ => $"The analysis raises {high} high-priority conditions.",
        };
        var level = request.Analysis.OverallLevel;
        var monitoring = level >= RiskLevel.High
            ? $"{AnalysisHighlights.Label(highlights.ByScore[0].Category)} and {AnalysisHighlights.Label(highlights.ByScore[1].Category)} should be reviewed at every disbursement."
            : $"{AnalysisHighlights.Label(highlights.ByScore[0].Category)} should be reviewed at the annual monitoring visit.";
        return $"{ExecutiveSummaryComposer.Verdict(level, high)} {conditions} {monitoring}";
    }
}
