namespace RiskIntel.Core.Analysis;

/// <summary>The analyst's edit of one recommendation of one analysis version; the engine's original stays in the version.</summary>
public sealed class RecommendationEdit
{
    public const int MaxTextLength = 2000;

    private RecommendationEdit()
    {
    }

    public Guid Id { get; private set; }

    public Guid AnalysisId { get; private set; }

    public string RecommendationId { get; private set; } = "";

    public string Text { get; private set; } = "";

    public RecommendationPriority Priority { get; private set; }

    public string EditedById { get; private set; } = "";

    public DateTime EditedAt { get; private set; }

    public static RecommendationEdit Create(Guid analysisId, string recommendationId) =>
        new() { Id = Guid.CreateVersion7(), AnalysisId = analysisId, RecommendationId = recommendationId };

    public void Change(string text, RecommendationPriority priority, string userId, DateTime now)
    {
        Text = text.Trim();
        Priority = priority;
        EditedById = userId;
        EditedAt = now;
    }
}
