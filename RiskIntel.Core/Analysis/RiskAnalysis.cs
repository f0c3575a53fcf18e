using System.Text.Json;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis;

/// <summary>
/// One version of an assessment's risk analysis, as the engine produced it. Versions are never changed: a new
/// run makes a new version, and the analyst's recommendation edits are kept beside it (<see cref="RecommendationEdit"/>).
/// </summary>
public sealed class RiskAnalysis
{
    private RiskAnalysis()
    {
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    public int Version { get; private set; }

    public string Engine { get; private set; } = "";

    public string? Model { get; private set; }

    public Guid? PromptId { get; private set; }

    public int? PromptVersion { get; private set; }

    public string? RulesVersion { get; private set; }

    public double OverallScore { get; private set; }

    public RiskLevel OverallLevel { get; private set; }

    /// <summary>The whole <see cref="RiskAnalysisResult"/> as JSON (API conventions).</summary>
    public string ResultJson { get; private set; } = "{}";

    public string NotesJson { get; private set; } = "[]";

    public Guid JobId { get; private set; }

    public string CreatedById { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public RiskAnalysisResult Result => JsonSerializer.Deserialize<RiskAnalysisResult>(ResultJson, ApiJson.Options)!;

    public IReadOnlyList<string> Notes => JsonSerializer.Deserialize<List<string>>(NotesJson, ApiJson.Options) ?? [];

    public static RiskAnalysis Record(Guid assessmentId, AnalysisRecord record, Guid jobId, string userId, DateTime now) => new()
    {
        Id = record.Result.AnalysisId,
        AssessmentId = assessmentId,
        Version = record.Result.Version,
        Engine = record.Result.Engine,
        Model = record.Model,
        PromptId = record.PromptId,
        PromptVersion = record.PromptVersion,
        RulesVersion = record.RulesVersion,
        OverallScore = record.Result.OverallScore,
        OverallLevel = record.Result.OverallLevel,
        ResultJson = JsonSerializer.Serialize(record.Result, ApiJson.Options),
        NotesJson = JsonSerializer.Serialize(record.Notes, ApiJson.Options),
        JobId = jobId,
        CreatedById = userId,
        CreatedAt = now,
    };
}
