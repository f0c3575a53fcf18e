namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>How a field's risk could be brought down: the fixes of its biggest risk drivers and what information is missing.</summary>
internal static class SubcategoryMitigation
{
    public static string Compose(SubcategoryRules rules, IReadOnlyList<FiredRule> fired, double penalty)
    {
        var parts = fired.Where(f => f.Rule.RaisesRisk).Take(2).Select(f => f.Rule.Mitigation!).ToList();
        if (penalty > 0)
        {
            parts.Add(rules.Request);
        }

        if (parts.Count == 0)
        {
            parts.AddRange(fired.Where(f => f.Rule.Mitigation is not null).Take(2).Select(f => f.Rule.Mitigation!));
        }

        if (parts.Count == 0)
        {
            parts.Add(rules.Mitigation);
        }

        return string.Join(' ', parts.Distinct(StringComparer.Ordinal));
    }
}
