using System.Globalization;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Charts;

/// <summary>How scores read on every surface: one decimal, invariant culture.</summary>
public static class ChartFormat
{
    public static string Score(double score) => RiskLevels.Round(score).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Level(RiskLevel level) => LevelPalette.For(level).Label;
}
