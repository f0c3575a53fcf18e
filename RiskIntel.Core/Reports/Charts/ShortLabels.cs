using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Charts;

/// <summary>Axis labels short enough for a radar's rim; taxonomy labels such as "Climate-Environmental" are not.</summary>
internal static class ShortLabels
{
    private static readonly Dictionary<string, string> ByCategory = new(StringComparer.Ordinal)
    {
        ["CLIMATE_ENVIRONMENTAL"] = "Climate",
        ["GOVERNANCE_LEGAL"] = "Governance",
        ["TECHNOLOGY_DATA"] = "Technology",
    };

    public static string For(RiskCategory category) => ByCategory.GetValueOrDefault(category.Key, category.Label);
}
