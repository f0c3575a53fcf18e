using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.App.Auth;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Endpoints.Assessments;

/// <summary>
/// A user's own assessments (SPEC §8.1). Anything not created by the caller answers 404, so ids leak nothing.
/// Documents, gaps, analyses and reports of an assessment have their own endpoint classes.
/// </summary>
public static class AssessmentsEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessments").WithTags("Assessments").RequireAuthorization();
        group.MapPost("/", CreateAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/stats", GetStatsAsync);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAssessment");
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
        return app;
    }

    private static async Task<Created<AssessmentDto>> CreateAsync(
        CreateAssessmentRequest request, ClaimsPrincipal user, AssessmentService assessments, CancellationToken cancellationToken)
    {
        var created = await assessments.CreateAsync(request.ToDetails(), user.GetUserId(), cancellationToken);
        return TypedResults.Created($"/api/assessments/{created.Id}", created);
    }

    private static async Task<Results<Ok<AssessmentPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, AssessmentQueries queries, CancellationToken cancellationToken,
        string? search = null, string? status = null, string? cursor = null, string? limit = null)
    {
        if (!QueryValues.TryParseEnum<AssessmentStatus>(status, out var statusFilter))
        {
            return ApiProblems.Invalid("status", $"Unknown status '{status}'; use DRAFT, ANALYZING, ACTION_REQUIRED, COMPLETE or FAILED.");
        }

        if (cursor is not null && !JobCursor.TryParse(cursor, out _))
        {
            return ApiProblems.Invalid("cursor", "The cursor is not one this API returned.");
        }

        if (!QueryValues.TryParseInt(limit, 1, 100, 20, out var pageSize))
        {
            return ApiProblems.Invalid("limit", "limit must be a whole number between 1 and 100.");
        }

        if (search is { Length: > 200 })
        {
            return ApiProblems.Invalid("search", "search must be at most 200 characters.");
        }

        return TypedResults.Ok(await queries.ListAsync(
            user.GetUserId(), new AssessmentListQuery(search, statusFilter, cursor, pageSize), cancellationToken));
    }

    private static async Task<Ok<AssessmentStats>> GetStatsAsync(
        ClaimsPrincipal user, AssessmentQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetStatsAsync(user.GetUserId(), cancellationToken));

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, AssessmentQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, user.GetUserId(), cancellationToken) is { } assessment
            ? TypedResults.Ok(assessment)
            : ApiProblems.NotFound("The assessment");

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateAssessmentRequest request, ClaimsPrincipal user, AssessmentService assessments, CancellationToken cancellationToken)
    {
        var result = await assessments.UpdateAsync(id, user.GetUserId(), request.ToDetails(), request.Version!.Value, cancellationToken);
        return result.Outcome switch
        {
            UpdateOutcome.Updated => TypedResults.Ok(result.Assessment!),
            UpdateOutcome.Stale => ApiProblems.Conflict(
                $"The assessment was changed meanwhile (it is at version {result.Assessment!.Version}, the edit was based on {request.Version}); reload it and apply the edit again.",
                "Stale version"),
            _ => ApiProblems.NotFound("The assessment"),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, AssessmentService assessments, CancellationToken cancellationToken) =>
        await assessments.DeleteAsync(id, user.GetUserId(), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("The assessment");
}
