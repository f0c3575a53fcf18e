using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// The arithmetic both engines share (SPEC §8): a category is the mean of its rounded subcategory scores, the
/// overall score the mean of the rounded category scores, and every level follows from its score.
/// </summary>
internal static class RiskScoreMath
{
    public static double Mean(IEnumerable<double> scores)
    {
        var list = scores.ToList();
        return list.Count == 0 ? 0 : RiskLevels.Round(list.Average());
    }

    public static CategoryScore Category(
        string category, IReadOnlyList<SubcategoryScore> subcategories, string narrative, IReadOnlyList<Recommendation> recommendations)
    {
        var score = Mean(subcategories.Select(s => s.Score));
        return new CategoryScore(category, score, RiskLevels.For(score), subcategories, narrative, recommendations);
    }

    public static (double Score, RiskLevel Level) Overall(IReadOnlyList<CategoryScore> categories)
    {
        var score = Mean(categories.Select(c => c.Score));
        return (score, RiskLevels.For(score));
    }
}
