namespace RiskIntel.Core.Jobs;

/// <summary>Filters and paging of a job list: newest first, continued after <see cref="Cursor"/>.</summary>
public sealed record JobListQuery(JobStatus? Status = null, JobType? Type = null, string? Cursor = null, int Limit = 20);

/// <summary>One page of a job list and the cursor of the next page, if there is one.</summary>
public sealed record JobPage(IReadOnlyList<JobDto> Items, string? NextCursor);
