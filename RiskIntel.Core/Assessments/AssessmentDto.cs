using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Assessments;

/// <summary>An assessment as clients see it (SPEC §8).</summary>
public sealed record AssessmentDto(
    Guid Id,
    string Name,
    string CompanyName,
    string CompanyType,
    string? Country,
    AssessmentStatus Status,
    int Progress,
    string? StatusMessage,
    int Version,
    double? OverallScore,
    RiskLevel? OverallLevel,
    string CreatedById,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>One page of a user's assessments, newest first, and the cursor of the next page.</summary>
public sealed record AssessmentPage(IReadOnlyList<AssessmentDto> Items, string? NextCursor);

/// <summary>How many of a user's assessments are in each status (<c>GET /api/assessments/stats</c>).</summary>
public sealed record AssessmentStats(int Total, int Drafts, int Analyzing, int ActionRequired, int Complete, int Failed);

public sealed record AssessmentListQuery(string? Search = null, AssessmentStatus? Status = null, string? Cursor = null, int Limit = 20);

public static class AssessmentMappings
{
    public static AssessmentDto ToDto(this Assessment a) => new(
        a.Id, a.Name, a.CompanyName, a.CompanyType, a.Country, a.Status, a.Progress, a.StatusMessage, a.Version,
        a.OverallScore, a.OverallLevel, a.CreatedById, a.CreatedAt, a.UpdatedAt);
}
