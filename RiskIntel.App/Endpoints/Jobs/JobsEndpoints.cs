using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.App.Auth;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Endpoints.Jobs;

/// <summary>
/// A user's own jobs. Anything not created by the caller answers 404 (not 403) so ids leak nothing;
/// admins see everything through <see cref="AdminJobsEndpoints"/>.
/// </summary>
public static class JobsEndpoints
{
    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/stats", GetStatsAsync).RequireAuthorization(Policies.Admin);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetJob");
        group.MapGet("/{id:guid}/events", GetEventsAsync);
        group.MapPost("/{id:guid}/cancel", CancelAsync);
        return app;
    }

    // Polled often: answered from the serialized job kept until it changes, with ETag / 304 and Retry-After.
    private static async Task<Results<JobSnapshotResult, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, JobSnapshots snapshots, CancellationToken cancellationToken) =>
        await snapshots.GetAsync(id, user.GetUserId(), cancellationToken) is { } job
            ? new JobSnapshotResult(job)
            : ApiProblems.NotFound("The job");

    private static async Task<Results<Ok<JobPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, JobService jobs, CancellationToken cancellationToken,
        string? status = null, string? type = null, string? cursor = null, int limit = 20) =>
        await ListJobsAsync(jobs, user.GetUserId(), status, type, cursor, limit, cancellationToken);

    private static async Task<Results<Ok<IReadOnlyList<JobEventDto>>, ProblemHttpResult>> GetEventsAsync(
        Guid id, ClaimsPrincipal user, JobService jobs, CancellationToken cancellationToken) =>
        await jobs.GetEventsAsync(id, user.GetUserId(), cancellationToken) is { } events
            ? TypedResults.Ok(events)
            : ApiProblems.NotFound("The job");

    private static async Task<Results<Accepted<JobDto>, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal user, JobService jobs, CancellationToken cancellationToken)
    {
        var result = await jobs.CancelAsync(id, user.GetUserId(), cancellationToken);
        return result.Outcome switch
        {
            CancelOutcome.Accepted => TypedResults.Accepted($"/api/jobs/{id}", result.Job!),
            CancelOutcome.AlreadyFinished => TypedResults.Problem(
                $"The job has already finished ({result.Job!.Status}).", statusCode: StatusCodes.Status409Conflict, title: "Job finished"),
            _ => ApiProblems.NotFound("The job"),
        };
    }

    private static async Task<Ok<JobStats>> GetStatsAsync(JobStatistics statistics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await statistics.GetAsync(cancellationToken));

    /// <summary>Shared by the user's and the admin's job lists: validates the filters, then pages.</summary>
    internal static async Task<Results<Ok<JobPage>, ValidationProblem>> ListJobsAsync(
        JobService jobs, string? userId, string? status, string? type, string? cursor, int limit, CancellationToken cancellationToken,
        string? owner = null, string? error = null)
    {
        if (!QueryValues.TryParseEnum<JobStatus>(status, out var statusFilter))
        {
            return ApiProblems.Invalid("status", $"Unknown status '{status}'.");
        }

        if (!QueryValues.TryParseEnum<JobType>(type, out var typeFilter))
        {
            return ApiProblems.Invalid("type", $"Unknown job type '{type}'.");
        }

        if (!string.IsNullOrEmpty(cursor) && !JobCursor.TryParse(cursor, out _))
        {
            return ApiProblems.Invalid("cursor", "The cursor is not one this API returned.");
        }

        if (limit is < 1 or > 100)
        {
            return ApiProblems.Invalid("limit", "limit must be between 1 and 100.");
        }

        var query = new JobListQuery(statusFilter, typeFilter, cursor, limit,
            string.IsNullOrWhiteSpace(owner) ? null : owner, string.IsNullOrWhiteSpace(error) ? null : error);
        var page = await jobs.ListAsync(userId, query, cancellationToken);
        return TypedResults.Ok(page);
    }
}
