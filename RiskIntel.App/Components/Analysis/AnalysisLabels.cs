using System.Globalization;
using MudBlazor;
using RiskIntel.Core.Analysis;

namespace RiskIntel.App.Components.Analysis;

/// <summary>How analysis values read on screen: priorities, driver effects and score changes, invariant culture.</summary>
public static class AnalysisLabels
{
    public static string Priority(RecommendationPriority priority) => priority.ToString().ToUpperInvariant();

    public static Color PriorityColor(RecommendationPriority priority) => priority switch
    {
        RecommendationPriority.High => Color.Error,
        RecommendationPriority.Medium => Color.Warning,
        _ => Color.Info,
    };

    /// <summary>A signed number of points: "+12", "−8.5", "0".</summary>
    public static string Points(double value)
    {
        var rounded = Math.Round(value, 1);
        var text = Math.Abs(rounded).ToString("0.#", CultureInfo.InvariantCulture);
        return rounded > 0 ? "+" + text : rounded < 0 ? "\u2212" + text : "0";
    }

    public static string Version(AnalysisVersionDto version) =>
        string.Create(CultureInfo.InvariantCulture, $"Version {version.Version} · {Core.Reports.Charts.ChartFormat.Score(version.OverallScore)} {Core.Reports.Charts.ChartFormat.Level(version.OverallLevel)}");

    public static string Engine(string engine, string? model) => model is { Length: > 0 } ? $"{engine} · {model}" : engine;
}
