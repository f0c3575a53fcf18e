using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskIntel.App.Auth;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Endpoints;

/// <summary>A draft to try: <c>userPromptTemplate</c> is accepted as an alias of <c>userPrompt</c>.</summary>
public sealed record PreviewRequest(
    string? SystemPrompt,
    string? UserPrompt,
    string? UserPromptTemplate,
    Dictionary<string, JsonElement>? Variables,
    string? Model,
    string? CallbackUrl);

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
        [FromHeader(Name = ApiResults.IdempotencyKeyHeader)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var userPrompt = request.UserPrompt ?? request.UserPromptTemplate;
        if (string.IsNullOrWhiteSpace(userPrompt))
        {
            return ApiResults.Invalid("userPrompt", "userPrompt (or userPromptTemplate) is required.");
        }

        var input = new JsonObject
        {
            ["systemPrompt"] = request.SystemPrompt ?? "",
            ["userPrompt"] = userPrompt,
            ["variables"] = JsonSerializer.SerializeToNode(request.Variables ?? [], JobJson.Options),
            ["model"] = request.Model,
        };
        try
        {
            var submitted = await jobs.SubmitAsync(
                new JobSubmission(JobType.AiPreview, input, user.GetUserId(), idempotencyKey, request.CallbackUrl), cancellationToken);
            return ApiResults.JobAccepted(submitted.Job);
        }
        catch (IdempotencyConflictException ex)
        {
            return ApiResults.IdempotencyConflict(ex);
        }
    }

    private static Ok<VariablesResponse> DetectVariables(VariablesRequest request) =>
        TypedResults.Ok(new VariablesResponse(
            PromptTemplate.Variables(request.SystemPrompt, request.UserPrompt ?? request.UserPromptTemplate)));
}
