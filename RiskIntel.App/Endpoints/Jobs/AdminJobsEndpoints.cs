using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.App.Auth;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Endpoints.Jobs;

/// <summary>The jobs monitor's view: every user's jobs.</summary>
public static class AdminJobsEndpoints
{
    public static IEndpointRouteBuilder MapAdminJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/jobs").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/{id:guid}/events", GetEventsAsync);
        return app;
    }

    /// <summary>Every user's jobs; besides the user list's filters, <c>owner</c> (a user id) and <c>error</c> (text the error contains).</summary>
    private static async Task<Results<Ok<JobPage>, ValidationProblem>> ListAsync(
        JobService jobs, CancellationToken cancellationToken,
        string? status = null, string? type = null, string? cursor = null, int limit = 20, string? owner = null, string? error = null) =>
        await JobsEndpoints.ListJobsAsync(jobs, userId: null, status, type, cursor, limit, cancellationToken, owner, error);

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> GetAsync(
        Guid id, JobService jobs, CancellationToken cancellationToken) =>
        await jobs.GetAsync(id, userId: null, cancellationToken) is { } job ? TypedResults.Ok(job) : ApiProblems.NotFound("The job");

    private static async Task<Results<Ok<IReadOnlyList<JobEventDto>>, ProblemHttpResult>> GetEventsAsync(
        Guid id, JobService jobs, CancellationToken cancellationToken) =>
        await jobs.GetEventsAsync(id, userId: null, cancellationToken) is { } events
            ? TypedResults.Ok(events)
            : ApiProblems.NotFound("The job");
}
