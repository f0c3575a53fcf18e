using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskIntel.App.Auth;
using RiskIntel.App.Endpoints.Gaps;
using RiskIntel.App.Endpoints.Jobs;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Gaps;

namespace RiskIntel.App.Endpoints.Analysis;

public sealed record RecommendationRequest(
    [property: Required, StringLength(RecommendationEdit.MaxTextLength, MinimumLength = 3)] string Text,
    [property: Required] RecommendationPriority? Priority);

public sealed record CommentRequest([property: Required, StringLength(AssessmentComment.MaxContentLength, MinimumLength = 1)] string Content, Guid? ParentId);

/// <summary>The scorecard of a user's own assessment (SPEC §8.1): analysis versions, diffs, recommendation edits, comments.</summary>
public static class AnalysisEndpoints
{
    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessments/{id:guid}").WithTags("Analysis").RequireAuthorization();
        group.MapPost("/analysis", AnalyzeAsync);
        group.MapGet("/analysis", GetAsync);
        group.MapGet("/analysis/versions", ListVersionsAsync);
        group.MapGet("/analysis/diff", DiffAsync);
        group.MapPut("/recommendations/{recId}", EditRecommendationAsync);
        group.MapGet("/comments", ListCommentsAsync);
        group.MapPost("/comments", CommentAsync);
        return app;
    }

    private static async Task<Results<Accepted<Envelope<JobRef>>, JsonHttpResult<MissingFieldsProblem>, ProblemHttpResult>> AnalyzeAsync(
        Guid id, ClaimsPrincipal user, GapReviewService review,
        [FromHeader(Name = JobSubmissions.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken) =>
        await GapsEndpoints.SubmitForAnalysisAsync(id, user, review, idempotencyKey, cancellationToken);

    private static async Task<Results<Ok<AnalysisDto>, ProblemHttpResult, ValidationProblem>> GetAsync(
        Guid id, ClaimsPrincipal user, AnalysisQueries analyses, CancellationToken cancellationToken, string? version = null)
    {
        if (!QueryValues.TryParseOptionalInt(version, 1, int.MaxValue, out var wanted))
        {
            return ApiProblems.Invalid("version", "version must be a whole number of 1 or more.");
        }

        return await analyses.GetAsync(id, user.GetUserId(), wanted, cancellationToken) is { } analysis
            ? TypedResults.Ok(analysis)
            : ApiProblems.NotFound(wanted is null ? "An analysis of the assessment" : $"Version {wanted} of the analysis");
    }

    private static async Task<Results<Ok<IReadOnlyList<AnalysisVersionDto>>, ProblemHttpResult>> ListVersionsAsync(
        Guid id, ClaimsPrincipal user, AnalysisQueries analyses, CancellationToken cancellationToken) =>
        await analyses.ListVersionsAsync(id, user.GetUserId(), cancellationToken) is { } versions
            ? TypedResults.Ok(versions)
            : ApiProblems.NotFound("The assessment");

    private static async Task<Results<Ok<AnalysisDiff>, ProblemHttpResult, ValidationProblem>> DiffAsync(
        Guid id, ClaimsPrincipal user, AnalysisQueries analyses, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        if (!QueryValues.TryParseOptionalInt(from, 1, int.MaxValue, out var first) || first is null)
        {
            return ApiProblems.Invalid("from", "from must be an analysis version (1 or more).");
        }

        if (!QueryValues.TryParseOptionalInt(to, 1, int.MaxValue, out var second) || second is null)
        {
            return ApiProblems.Invalid("to", "to must be an analysis version (1 or more).");
        }

        return await analyses.DiffAsync(id, user.GetUserId(), first.Value, second.Value, cancellationToken) is { } diff
            ? TypedResults.Ok(diff)
            : ApiProblems.NotFound($"Version {first} or {second} of the analysis");
    }

    private static async Task<Results<Ok<AnalysisDto>, ProblemHttpResult, ValidationProblem>> EditRecommendationAsync(
        Guid id, string recId, RecommendationRequest request, ClaimsPrincipal user, AnalysisService analyses,
        CancellationToken cancellationToken, string? version = null)
    {
        if (!QueryValues.TryParseOptionalInt(version, 1, int.MaxValue, out var wanted))
        {
            return ApiProblems.Invalid("version", "version must be a whole number of 1 or more.");
        }

        var result = await analyses.EditRecommendationAsync(id, user.GetUserId(), recId, request.Text, request.Priority!.Value, wanted, cancellationToken);
        return result.Outcome == EditOutcome.Saved ? TypedResults.Ok(result.Analysis!) : ApiProblems.NotFound("The recommendation");
    }

    private static async Task<Results<Ok<IReadOnlyList<CommentDto>>, ProblemHttpResult>> ListCommentsAsync(
        Guid id, ClaimsPrincipal user, AnalysisQueries analyses, CancellationToken cancellationToken) =>
        await analyses.ListCommentsAsync(id, user.GetUserId(), cancellationToken) is { } comments
            ? TypedResults.Ok(comments)
            : ApiProblems.NotFound("The assessment");

    private static async Task<Results<Created<CommentDto>, ProblemHttpResult, ValidationProblem>> CommentAsync(
        Guid id, CommentRequest request, ClaimsPrincipal user, AnalysisService analyses, CancellationToken cancellationToken)
    {
        var (outcome, comment) = await analyses.CommentAsync(
            id, user.GetUserId(), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? user.GetUserId(),
            request.Content, request.ParentId, cancellationToken);
        return outcome switch
        {
            EditOutcome.Saved => TypedResults.Created($"/api/assessments/{id}/comments", comment!),
            EditOutcome.Invalid => ApiProblems.Invalid("parentId", "parentId must be a comment of this assessment."),
            _ => ApiProblems.NotFound("The assessment"),
        };
    }
}
