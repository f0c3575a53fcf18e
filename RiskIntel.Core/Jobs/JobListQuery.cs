namespace RiskIntel.Core.Jobs;

/// <summary>
/// Filters and paging of a job list: newest first, continued after <see cref="Cursor"/>. <see cref="OwnerId"/> and
/// <see cref="ErrorContains"/> narrow the admin's list of every user's jobs (a user's own list is already theirs).
/// </summary>
public sealed record JobListQuery(
    JobStatus? Status = null, JobType? Type = null, string? Cursor = null, int Limit = 20, string? OwnerId = null, string? ErrorContains = null)
{
    /// <summary>Whether a job belongs in the list by its filters (paging aside); the same rules the database query applies.</summary>
    public bool Matches(JobDto job) =>
        (Status is null || job.Status == Status)
        && (Type is null || job.Type == Type)
        && (OwnerId is null || job.CreatedById == OwnerId)
        && (string.IsNullOrWhiteSpace(ErrorContains) || (job.Error?.Contains(ErrorContains.Trim(), StringComparison.OrdinalIgnoreCase) ?? false));
}

/// <summary>One page of a job list and the cursor of the next page, if there is one.</summary>
public sealed record JobPage(IReadOnlyList<JobDto> Items, string? NextCursor);
