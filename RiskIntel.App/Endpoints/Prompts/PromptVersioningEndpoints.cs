using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.App.Auth;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Endpoints.Prompts;

public sealed record CommentRequest(string? Content, Guid? ParentId);

/// <summary>A prompt's life beyond its content: activation, history of changes, versions and the comment thread.</summary>
public static class PromptVersioningEndpoints
{
    public static IEndpointRouteBuilder MapPromptVersioningEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/prompts/{id:guid}").WithTags("Prompts").RequireAuthorization(Policies.Admin);
        group.MapPost("/activate", ActivateAsync);
        group.MapPost("/deactivate", DeactivateAsync);
        group.MapGet("/history", GetHistoryAsync);
        group.MapGet("/versions", GetVersionsAsync);
        group.MapGet("/comments", GetCommentsAsync);
        group.MapPost("/comments", AddCommentAsync);
        return app;
    }

    private static async Task<Results<Ok<PromptDto>, ProblemHttpResult>> ActivateAsync(
        Guid id, ClaimsPrincipal user, PromptService prompts, CancellationToken cancellationToken, bool replace = false)
    {
        try
        {
            return await prompts.SetActiveAsync(id, active: true, replace, user.GetUserId(), cancellationToken) is { } prompt
                ? TypedResults.Ok(prompt)
                : ApiProblems.NotFound("The prompt");
        }
        catch (PromptConflictException ex)
        {
            return PromptProblems.Conflict(ex);
        }
    }

    private static async Task<Results<Ok<PromptDto>, ProblemHttpResult>> DeactivateAsync(
        Guid id, ClaimsPrincipal user, PromptService prompts, CancellationToken cancellationToken) =>
        await prompts.SetActiveAsync(id, active: false, replace: false, user.GetUserId(), cancellationToken) is { } prompt
            ? TypedResults.Ok(prompt)
            : ApiProblems.NotFound("The prompt");

    private static async Task<Results<Ok<IReadOnlyList<PromptChangeDto>>, ProblemHttpResult>> GetHistoryAsync(
        Guid id, PromptQueries prompts, CancellationToken cancellationToken) =>
        await prompts.GetHistoryAsync(id, cancellationToken) is { } history
            ? TypedResults.Ok(history)
            : ApiProblems.NotFound("The prompt");

    private static async Task<Results<Ok<IReadOnlyList<PromptDto>>, ProblemHttpResult>> GetVersionsAsync(
        Guid id, PromptQueries prompts, CancellationToken cancellationToken) =>
        await prompts.GetVersionsAsync(id, cancellationToken) is { } versions
            ? TypedResults.Ok(versions)
            : ApiProblems.NotFound("The prompt");

    private static async Task<Results<Ok<IReadOnlyList<PromptCommentDto>>, ProblemHttpResult>> GetCommentsAsync(
        Guid id, PromptQueries prompts, CancellationToken cancellationToken) =>
        await prompts.GetCommentsAsync(id, cancellationToken) is { } comments
            ? TypedResults.Ok(comments)
            : ApiProblems.NotFound("The prompt");

    private static async Task<Results<Created<PromptCommentDto>, ValidationProblem, ProblemHttpResult>> AddCommentAsync(
        Guid id, CommentRequest request, ClaimsPrincipal user, PromptService prompts, CancellationToken cancellationToken)
    {
        try
        {
            return await prompts.AddCommentAsync(id, request.Content, request.ParentId, user.GetUserId(), cancellationToken) is { } comment
                ? TypedResults.Created($"/api/admin/prompts/{id}/comments", comment)
                : ApiProblems.NotFound("The prompt");
        }
        catch (PromptValidationException ex)
        {
            return PromptProblems.Invalid(ex);
        }
    }
}
