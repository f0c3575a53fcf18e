namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>How a risk driver or a missing field becomes a prioritised recommendation.</summary>
internal sealed record RecommendationPolicy(
    double HighAtEffect,
    double MediumAtEffect,
    int MaxPerCategory,
    RecommendationPriority MissingMandatory,
    RecommendationPriority PartialMandatory,
    RecommendationPriority MissingOptional,
    RecommendationPriority PartialOptional)
{
    public RecommendationPriority ForEffect(double effect) =>
        effect >= HighAtEffect ? RecommendationPriority.High
        : effect >= MediumAtEffect ? RecommendationPriority.Medium
        : RecommendationPriority.Low;

    public RecommendationPriority ForGap(ReviewedGapStatus status, bool mandatory) => (status, mandatory) switch
    {
        (ReviewedGapStatus.Missing, true) => MissingMandatory,
        (ReviewedGapStatus.Missing, false) => MissingOptional,
        (_, true) => PartialMandatory,
        _ => PartialOptional,
    };
}
