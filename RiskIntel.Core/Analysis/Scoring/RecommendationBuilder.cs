using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// A category's recommendations from its biggest risk drivers and its missing information, highest priority
/// first. Ids are <c>CATEGORY.rule-id</c> or <c>CATEGORY.missing-field</c>, so the same finding keeps its id
/// across versions and an analyst's edit can be carried over.
/// </summary>
internal static class RecommendationBuilder
{
    public static IReadOnlyList<Recommendation> Build(RiskCategory category, IReadOnlyList<ScoredSubcategory> scored, RecommendationPolicy policy)
    {
        var fromRisks = scored.SelectMany(s => s.Risks)
            .Where(f => f.Rule.Recommendation is not null)
            .Select(f => (Weight: f.Rule.Effect, Item: new Recommendation($"{category.Key}.{f.Rule.Id}", f.Rule.Recommendation!, policy.ForEffect(f.Rule.Effect))));
        var fromGaps = scored.Where(s => s.Penalty > 0)
            .Select(s => (Weight: s.Penalty, Item: new Recommendation(
                $"{category.Key}.missing-{s.Rules.Field.Key[(category.Key.Length + 1)..]}",
                s.Rules.Request,
                policy.ForGap(s.Gap.Status, s.Gap.IsMandatory))));

        return fromRisks.Concat(fromGaps)
            .OrderBy(r => r.Item.Priority)
            .ThenByDescending(r => r.Weight)
            .Select(r => r.Item)
            .DistinctBy(r => r.Text, StringComparer.Ordinal)
            .Take(policy.MaxPerCategory)
            .ToList();
    }
}
