using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskIntel.App.Auth;
using RiskIntel.App.Endpoints.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Endpoints.Prompts;

/// <summary>
/// A draft to try (<c>userPromptTemplate</c> is accepted as an alias of <c>userPrompt</c>), or a stored
/// prompt by <c>promptId</c> and optional <c>version</c> (the current one by default).
/// </summary>
public sealed record PreviewRequest(
    string? SystemPrompt,
    string? UserPrompt,
    string? UserPromptTemplate,
    Dictionary<string, JsonElement>? Variables,
    string? Model,
    string? CallbackUrl,
    Guid? PromptId = null,
    int? Version = null);

public sealed record VariablesRequest(string? SystemPrompt, string? UserPrompt, string? UserPromptTemplate);

public sealed record VariablesResponse(IReadOnlyList<string> Variables);

/// <summary>Interactive preview of prompts (AI_PREVIEW jobs) for admins.</summary>
public static class PromptPreviewEndpoints
{
    public static IEndpointRouteBuilder MapPromptPreviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/prompts").WithTags("Prompts").RequireAuthorization(Policies.Admin);
        group.MapPost("/preview", PreviewAsync);
        group.MapPost("/variables", DetectVariables);
        return app;
    }

    private static async Task<Results<Accepted<Envelope<JobRef>>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        PreviewRequest request,
        ClaimsPrincipal user,
        JobService jobs,
        PromptQueries prompts,
        [FromHeader(Name = JobSubmissions.IdempotencyKeyHeader)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var tooLarge = PromptPreview.Check(request.SystemPrompt, request.UserPrompt ?? request.UserPromptTemplate, request.Variables, request.Model);
        if (tooLarge.Count > 0)
        {
            return TypedResults.ValidationProblem(tooLarge, detail: string.Join(" ", tooLarge.Values.SelectMany(e => e)));
        }

        JobSubmission submission;
        if (request.PromptId is { } promptId)
        {
            if (await prompts.GetAsync(promptId, request.Version, cancellationToken) is not { } stored)
            {
                return ApiProblems.NotFound(request.Version is null ? "The prompt" : $"Version {request.Version} of the prompt");
            }

            submission = PromptPreview.Stored(stored, request.Variables, request.Model, user.GetUserId(), idempotencyKey, request.CallbackUrl);
        }
        else
        {
            var userPrompt = request.UserPrompt ?? request.UserPromptTemplate;
            if (string.IsNullOrWhiteSpace(userPrompt))
            {
                return ApiProblems.Invalid("userPrompt", "userPrompt (or userPromptTemplate) is required, unless promptId names a stored prompt.");
            }

            submission = PromptPreview.Draft(
                request.SystemPrompt, userPrompt, request.Variables, request.Model, user.GetUserId(), idempotencyKey, request.CallbackUrl);
        }

        return await JobSubmissions.SubmitAsync(jobs, submission, cancellationToken);
    }

    private static Ok<VariablesResponse> DetectVariables(VariablesRequest request) =>
        TypedResults.Ok(new VariablesResponse(
            PromptTemplate.Variables(request.SystemPrompt, request.UserPrompt ?? request.UserPromptTemplate)));
}
