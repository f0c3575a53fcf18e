using System.Globalization;
using RiskIntel.Core.Portfolio;
using RiskIntel.Core.Risk;

namespace RiskIntel.App.Components.Portfolio;

/// <summary>How the portfolio reads on screen: column headers short enough for a heat map, scores and level names.</summary>
public static class PortfolioLabels
{
    private static readonly Dictionary<string, string> Short = new(StringComparer.Ordinal)
    {
        ["CLIMATE_ENVIRONMENTAL"] = "Climate",
        ["GOVERNANCE_LEGAL"] = "Governance",
        ["TECHNOLOGY_DATA"] = "Technology",
    };

    public static string ShortLabel(RiskCategory category) => Short.GetValueOrDefault(category.Key, category.Label);

    public static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>"Low", "Moderate", "High", "Critical".</summary>
    public static string Level(RiskLevel level) => level.ToString();

    /// <summary>The scorecard once there is an analysis to show; before that, the assessment where the analyst gets one.</summary>
    public static string Href(PortfolioRow row) => row.IsAnalyzed ? $"/assessments/{row.Id}/scorecard" : $"/assessments/{row.Id}";
}
