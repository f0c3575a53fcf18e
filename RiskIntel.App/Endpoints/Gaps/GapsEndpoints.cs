using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskIntel.App.Auth;
using RiskIntel.App.Endpoints.Jobs;
using RiskIntel.Core.Gaps;
using RiskIntel.Core.Gaps.Detection;

namespace RiskIntel.App.Endpoints.Gaps;

public sealed record GapReviewRequest([property: Required, MaxLength(35)] IReadOnlyList<GapReviewRequestItem>? Items);

public sealed record GapReviewRequestItem(
    [property: Required] Guid? Id,
    [property: StringLength(GapField.MaxCorrectionLength)] string? Correction,
    GapStatus? Status);

public sealed record MissingFieldsProblem(string Title, int Status, string Detail, IReadOnlyList<string> Missing);

/// <summary>The gap review of a user's own assessment (SPEC §8.1): the 35 fields, batch corrections, submission to risk analysis.</summary>
public static class GapsEndpoints
{
    public static IEndpointRouteBuilder MapGapsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessments/{id:guid}").WithTags("Gaps").RequireAuthorization();
        group.MapGet("/gaps", ListAsync);
        group.MapPut("/gaps", SaveAsync);
        group.MapPost("/gaps/submit", SubmitAsync);
        group.MapPost("/gap-detection", DetectAgainAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<GapFieldDto>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, GapQueries gaps, CancellationToken cancellationToken) =>
        await gaps.ListAsync(id, user.GetUserId(), cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : ApiProblems.NotFound("The assessment");

    private static async Task<Results<Ok<IReadOnlyList<GapFieldDto>>, ProblemHttpResult, ValidationProblem>> SaveAsync(
        Guid id, GapReviewRequest request, ClaimsPrincipal user, GapReviewService review, CancellationToken cancellationToken)
    {
        var items = request.Items!.Select(i => new GapReviewItem(i.Id!.Value, i.Correction, i.Status)).ToList();
        if (items.Select(i => i.Id).Distinct().Count() != items.Count)
        {
            return ApiProblems.Invalid("items", "Each gap field may appear once in a batch.");
        }

        var result = await review.SaveAsync(id, user.GetUserId(), items, cancellationToken);
        return result.Outcome switch
        {
            ReviewOutcome.Saved => TypedResults.Ok(result.Fields!),
            ReviewOutcome.UnknownFields => ApiProblems.Invalid("items",
                $"These ids are not gap fields of this assessment: {string.Join(", ", result.UnknownIds!)}."),
            _ => ApiProblems.NotFound("The assessment"),
        };
    }

    private static Task<Results<Accepted<Envelope<JobRef>>, JsonHttpResult<MissingFieldsProblem>, ProblemHttpResult>> SubmitAsync(
        Guid id, ClaimsPrincipal user, GapReviewService review,
        [FromHeader(Name = JobSubmissions.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken) =>
        SubmitForAnalysisAsync(id, user, review, idempotencyKey, cancellationToken);

    /// <summary>Gap submit and a new analysis share one rule: the mandatory fields are checked, then RISK_ANALYSIS runs.</summary>
    internal static async Task<Results<Accepted<Envelope<JobRef>>, JsonHttpResult<MissingFieldsProblem>, ProblemHttpResult>> SubmitForAnalysisAsync(
        Guid id, ClaimsPrincipal user, GapReviewService review, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ReviewResult result;
        try
        {
            result = await review.SubmitAsync(id, user.GetUserId(), idempotencyKey, cancellationToken);
        }
        catch (Core.Jobs.IdempotencyConflictException ex)
        {
            return JobSubmissions.IdempotencyConflict(ex);
        }

        return result.Outcome switch
        {
            ReviewOutcome.Submitted => JobSubmissions.Accepted(result.Job!),
            ReviewOutcome.MissingMandatory => TypedResults.Json(
                new MissingFieldsProblem("Required fields are open", StatusCodes.Status422UnprocessableEntity,
                    $"{result.Missing!.Count} required field(s) need evidence (VERIFIED) or a correction before the risk can be scored.",
                    result.Missing), statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json"),
            ReviewOutcome.NothingDetected => ApiProblems.Conflict("No gaps have been detected yet; upload a document first.", "Nothing to submit"),
            _ => ApiProblems.NotFound("The assessment"),
        };
    }

    private static async Task<Results<Accepted<Envelope<JobRef>>, ProblemHttpResult>> DetectAgainAsync(
        Guid id, ClaimsPrincipal user, GapReviewService review,
        [FromHeader(Name = JobSubmissions.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        ReviewResult result;
        try
        {
            result = await review.DetectAgainAsync(id, user.GetUserId(), idempotencyKey, cancellationToken);
        }
        catch (Core.Jobs.IdempotencyConflictException ex)
        {
            return JobSubmissions.IdempotencyConflict(ex);
        }

        return result.Outcome switch
        {
            ReviewOutcome.Submitted => JobSubmissions.Accepted(result.Job!),
            ReviewOutcome.NoParsedDocument => ApiProblems.Conflict("The assessment has no parsed document yet; upload one first.", "Nothing to read"),
            _ => ApiProblems.NotFound("The assessment"),
        };
    }
}
