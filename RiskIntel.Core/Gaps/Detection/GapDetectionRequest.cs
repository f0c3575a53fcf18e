using RiskIntel.Core.Documents;

namespace RiskIntel.Core.Gaps.Detection;

/// <summary>What gap detection reads: the partner's facts from the assessment and its parsed documents.</summary>
public sealed record GapDetectionRequest(
    string CompanyName,
    string CompanyType,
    string? Country,
    IReadOnlyList<DocumentText> Documents);
