namespace RiskIntel.Core.Risk;

/// <summary>Risk bands of a 0–100 score (higher is riskier): LOW 0–24, MODERATE 25–49, HIGH 50–74, CRITICAL 75–100.</summary>
public enum RiskLevel
{
    Low,
    Moderate,
    High,
    Critical,
}

public static class RiskLevels
{
    public static RiskLevel For(double score) => score switch
    {
        < 25 => RiskLevel.Low,
        < 50 => RiskLevel.Moderate,
        < 75 => RiskLevel.High,
        _ => RiskLevel.Critical,
    };

    /// <summary>Scores are shown and stored with one decimal; category and overall scores are means.</summary>
    public static double Round(double score) => Math.Round(Math.Clamp(score, 0, 100), 1, MidpointRounding.AwayFromZero);

    /// <summary>The level as the API and reports write it: LOW, MODERATE, HIGH, CRITICAL.</summary>
    public static string Name(RiskLevel level) => level.ToString().ToUpperInvariant();
}
