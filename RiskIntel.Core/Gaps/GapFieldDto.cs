using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps.Detection;

namespace RiskIntel.Core.Gaps;

/// <summary>A gap field as the review API shows it (SPEC §8.1), with why it has its status.</summary>
public sealed record GapFieldDto(
    Guid Id,
    string Field,
    string Category,
    string Label,
    GapStatus Status,
    GapStatus DetectedStatus,
    bool IsMandatory,
    string? ExtractedValue,
    IReadOnlyList<Evidence> Evidence,
    string? Correction,
    GapExplanationDto Explanation,
    int Version,
    DateTime? CorrectedAt);

/// <summary>One item of a batch review: the correction text (blank clears it) and optionally a status the analyst decides.</summary>
public sealed record GapReviewItem(Guid Id, string? Correction, GapStatus? Status);

public static class GapMappings
{
    public static GapFieldDto ToDto(this GapField g) => new(
        g.Id, g.Field, g.Category, g.Label, g.Status, g.DetectedStatus, g.IsMandatory, g.ExtractedValue, g.Evidence,
        g.Correction, g.Explanation, g.Version, g.CorrectedAt);
}
