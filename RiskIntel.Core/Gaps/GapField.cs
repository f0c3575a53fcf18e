using System.Text.Json;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps.Detection;

namespace RiskIntel.Core.Gaps;

/// <summary>
/// One of the 35 fields of an assessment as detected and as reviewed. A new detection replaces what was
/// detected but never the analyst's correction; the analyst may also override the status.
/// </summary>
public sealed class GapField
{
    public const int MaxCorrectionLength = 4000;

    private GapField()
    {
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    public string Field { get; private set; } = "";

    public string Category { get; private set; } = "";

    public string Label { get; private set; } = "";

    public bool IsMandatory { get; private set; }

    /// <summary>What the engine decided.</summary>
    public GapStatus DetectedStatus { get; private set; }

    /// <summary>The status the analyst set, if any; <see cref="Status"/> is this or the detected one.</summary>
    public GapStatus? ReviewedStatus { get; private set; }

    public GapStatus Status => ReviewedStatus ?? DetectedStatus;

    public string? ExtractedValue { get; private set; }

    public string EvidenceJson { get; private set; } = "[]";

    public string ExplanationJson { get; private set; } = "{}";

    public string? Correction { get; private set; }

    public string? CorrectedById { get; private set; }

    public DateTime? CorrectedAt { get; private set; }

    /// <summary>When the detection job that wrote this was submitted, so an older run never overwrites a newer one.</summary>
    public DateTime DetectedBy { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<Evidence> Evidence => JsonSerializer.Deserialize<List<Evidence>>(EvidenceJson, ApiJson.Options) ?? [];

    public GapExplanationDto Explanation => JsonSerializer.Deserialize<GapExplanationDto>(ExplanationJson, ApiJson.Options) ?? GapExplanationDto.Empty;

    /// <summary>A correction counts as the evidence an analyst vouches for.</summary>
    public bool IsResolved => Status == GapStatus.Verified || !string.IsNullOrWhiteSpace(Correction);

    public static GapField Detected(Guid assessmentId, DetectedGap gap, DateTime detectedBy)
    {
        var field = new GapField { Id = Guid.CreateVersion7(), AssessmentId = assessmentId, Field = gap.Field };
        field.Apply(gap, detectedBy);
        return field;
    }

    public void Apply(DetectedGap gap, DateTime detectedBy)
    {
        Category = gap.Category;
        Label = gap.Label;
        IsMandatory = gap.IsMandatory;
        DetectedStatus = gap.Status;
        ExtractedValue = gap.ExtractedValue;
        EvidenceJson = JsonSerializer.Serialize(gap.Evidence, ApiJson.Options);
        ExplanationJson = JsonSerializer.Serialize(new GapExplanationDto(gap.MatchedTerms, gap.DroppedQuotes, gap.Notes), ApiJson.Options);
        DetectedBy = detectedBy;
        Version++;
    }

    public void Review(string? correction, GapStatus? status, string userId, DateTime now)
    {
        Correction = string.IsNullOrWhiteSpace(correction) ? null : correction.Trim();
        ReviewedStatus = status;
        CorrectedById = userId;
        CorrectedAt = now;
        Version++;
    }
}

/// <summary>Why a field has its status: the lexicon terms that matched, quotes dropped because the text lacks them, and notes.</summary>
public sealed record GapExplanationDto(IReadOnlyList<string> MatchedTerms, IReadOnlyList<string> DroppedQuotes, IReadOnlyList<string> Notes)
{
    public static GapExplanationDto Empty { get; } = new([], [], []);
}
