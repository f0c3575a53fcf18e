using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// An engine's analysis before it is stored: the content of a <see cref="RiskAnalysisResult"/> and where it came
/// from (engine; model and prompt version when a model was used; rule table version when rules were).
/// </summary>
public sealed record RiskAnalysisOutcome(
    string Engine,
    double OverallScore,
    RiskLevel OverallLevel,
    IReadOnlyList<CategoryScore> Scores)
{
    /// <summary>The model that answered, when one did.</summary>
    public string? Model { get; init; }

    public Guid? PromptId { get; init; }

    public int? PromptVersion { get; init; }

    /// <summary>The version of the rule table the offline engine applied.</summary>
    public string? RulesVersion { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>True when the document text sent to the model was cut to fit the token budget.</summary>
    public bool TextTruncated { get; init; }

    /// <summary>What the engine had to correct or leave out: cut text, dropped quotes, recomputed scores.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public RiskAnalysisResult ToResult(Guid analysisId, int version) =>
        new(analysisId, version, Engine, OverallScore, OverallLevel, Scores);
}
