using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.App.Auth;
using RiskIntel.Core;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Endpoints.Prompts;

/// <summary>Create and update carry the same body; <c>userPrompt</c> is accepted as an alias of <c>userPromptTemplate</c>.</summary>
public sealed record PromptRequest(
    string? Name,
    string? Section,
    string? SystemPrompt,
    string? UserPromptTemplate,
    string? UserPrompt,
    IReadOnlyList<string>? Tags,
    int? Version)
{
    public PromptDraft ToDraft() => new(Name, Section, SystemPrompt, UserPromptTemplate ?? UserPrompt, Tags);
}

/// <summary>The prompt library (SPEC §7): list, read any version, create, update with optimistic concurrency, delete.</summary>
public static class PromptsEndpoints
{
    public static IEndpointRouteBuilder MapPromptsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/prompts").WithTags("Prompts").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetPrompt");
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
        return app;
    }

    private static async Task<Results<Ok<PromptPage>, ValidationProblem>> ListAsync(
        PromptQueries prompts, CancellationToken cancellationToken,
        string? section = null, bool? active = null, string? tag = null, string? search = null, int page = 1, int limit = 20)
    {
        PromptSection? sectionFilter = null;
        if (section is not null)
        {
            if (!PromptDraft.TryParseSection(section, out var parsed))
            {
                return ApiProblems.Invalid("section", $"Unknown section '{section}'.");
            }

            sectionFilter = parsed;
        }

        if (page is < 1 or > InputLimits.MaxPage)
        {
            return ApiProblems.Invalid("page", $"page must be between 1 and {InputLimits.MaxPage}.");
        }

        if (limit is < 1 or > InputLimits.MaxPageSize)
        {
            return ApiProblems.Invalid("limit", $"limit must be between 1 and {InputLimits.MaxPageSize}.");
        }

        if (tag?.Length > InputLimits.MaxQueryTextLength || search?.Length > InputLimits.MaxQueryTextLength)
        {
            return ApiProblems.Invalid(tag?.Length > InputLimits.MaxQueryTextLength ? "tag" : "search",
                $"tag and search must be at most {InputLimits.MaxQueryTextLength} characters.");
        }

        return TypedResults.Ok(await prompts.ListAsync(new PromptListQuery(sectionFilter, active, tag, search, page, limit), cancellationToken));
    }

    private static async Task<Results<Ok<PromptDto>, ProblemHttpResult>> GetAsync(
        Guid id, PromptQueries prompts, CancellationToken cancellationToken, int? version = null) =>
        await prompts.GetAsync(id, version, cancellationToken) is { } prompt
            ? TypedResults.Ok(prompt)
            : ApiProblems.NotFound(version is null ? "The prompt" : $"Version {version} of the prompt");

    private static async Task<Results<Created<PromptDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PromptRequest request, ClaimsPrincipal user, PromptService prompts, CancellationToken cancellationToken)
    {
        try
        {
            var created = await prompts.CreateAsync(request.ToDraft(), user.GetUserId(), cancellationToken);
            return TypedResults.Created($"/api/admin/prompts/{created.Id}", created);
        }
        catch (PromptValidationException ex)
        {
            return PromptProblems.Invalid(ex);
        }
        catch (PromptConflictException ex)
        {
            return PromptProblems.Conflict(ex);
        }
    }

    private static async Task<Results<Ok<PromptDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, PromptRequest request, ClaimsPrincipal user, PromptService prompts, CancellationToken cancellationToken)
    {
        if (request.Version is not { } basedOn)
        {
            return ApiProblems.Invalid("version", "version (the version this edit is based on) is required.");
        }

        try
        {
            return await prompts.UpdateAsync(id, request.ToDraft(), basedOn, user.GetUserId(), cancellationToken) is { } updated
                ? TypedResults.Ok(updated)
                : ApiProblems.NotFound("The prompt");
        }
        catch (PromptValidationException ex)
        {
            return PromptProblems.Invalid(ex);
        }
        catch (PromptConflictException ex)
        {
            return PromptProblems.Conflict(ex);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, PromptService prompts, CancellationToken cancellationToken) =>
        await prompts.DeleteAsync(id, user.GetUserId(), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("The prompt");
}
