using RiskIntel.App.Endpoints;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Components.Jobs;

/// <summary>
/// A job list's filters in the address (<c>?status=FAILED&amp;type=AI_PREVIEW&amp;owner=…&amp;error=timeout</c>), written
/// the API's way, so a filtered list can be reloaded, bookmarked and shared. Unknown values are ignored.
/// </summary>
public static class JobListUrl
{
    public static JobListQuery Parse(JobListQuery defaults, string? status, string? type, string? owner = null, string? error = null)
    {
        return defaults with
        {
            Status = QueryValues.TryParseEnum<JobStatus>(status, out var statusFilter) ? statusFilter : null,
            Type = QueryValues.TryParseEnum<JobType>(type, out var typeFilter) ? typeFilter : null,
            OwnerId = string.IsNullOrWhiteSpace(owner) ? null : owner,
            ErrorContains = string.IsNullOrWhiteSpace(error) ? null : error.Trim(),
            Cursor = null,
        };
    }

    public static IReadOnlyDictionary<string, object?> Parameters(JobListQuery query) => new Dictionary<string, object?>
    {
        ["status"] = query.Status is { } status ? JobLabels.Code(status) : null,
        ["type"] = query.Type is { } type ? JobLabels.Code(type) : null,
        ["owner"] = query.OwnerId,
        ["error"] = string.IsNullOrWhiteSpace(query.ErrorContains) ? null : query.ErrorContains,
    };
}
