using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Endpoints.Prompts;

/// <summary>The problem details of the prompt library's rules.</summary>
public static class PromptProblems
{
    public static ValidationProblem Invalid(PromptValidationException ex) =>
        TypedResults.ValidationProblem(ex.Errors.ToDictionary(), detail: "One or more fields are invalid; see errors.");

    /// <summary>409; an activation conflict also names the active prompt in <c>activePromptId</c> / <c>activePromptName</c>.</summary>
    public static ProblemHttpResult Conflict(PromptConflictException ex) =>
        TypedResults.Problem(
            ex.Message,
            statusCode: StatusCodes.Status409Conflict,
            title: ex.Title,
            extensions: ex is PromptActivationConflictException activation
                ? new Dictionary<string, object?> { ["activePromptId"] = activation.Active.Id, ["activePromptName"] = activation.Active.Name }
                : null);
}
