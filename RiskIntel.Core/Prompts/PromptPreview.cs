using System.Text.Json;
using System.Text.Json.Nodes;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Core.Prompts;

/// <summary>Builds AI_PREVIEW submissions, from a draft or from a stored prompt version, for the API and the studio alike.</summary>
public static class PromptPreview
{
    /// <summary>
    /// The size limits of a preview (<see cref="InputLimits"/>), checked before anything is stored; errors are keyed
    /// by the JSON field (<c>systemPrompt</c>, <c>userPrompt</c>, <c>model</c>, <c>variables</c>, <c>variables.{name}</c>).
    /// </summary>
    public static Dictionary<string, string[]> Check(
        string? systemPrompt, string? userPrompt, IReadOnlyDictionary<string, JsonElement>? variables, string? model)
    {
        var errors = new Dictionary<string, string[]>();
        if (systemPrompt?.Length > InputLimits.MaxPromptTextLength)
        {
            errors["systemPrompt"] = [$"systemPrompt must be at most {InputLimits.MaxPromptTextLength} characters."];
        }

        if (userPrompt?.Length > InputLimits.MaxPromptTextLength)
        {
            errors["userPrompt"] = [$"userPrompt must be at most {InputLimits.MaxPromptTextLength} characters."];
        }

        if (model?.Length > InputLimits.MaxModelIdLength)
        {
            errors["model"] = [$"model must be at most {InputLimits.MaxModelIdLength} characters."];
        }

        if (variables is null)
        {
            return errors;
        }

        if (variables.Count > InputLimits.MaxVariables || variables.Keys.Any(k => k.Length > InputLimits.MaxVariableNameLength))
        {
            errors["variables"] = [$"at most {InputLimits.MaxVariables} variables, with names of at most {InputLimits.MaxVariableNameLength} characters."];
            return errors;
        }

        foreach (var (name, value) in variables)
        {
            var length = value.ValueKind == JsonValueKind.String ? value.GetString()!.Length : value.GetRawText().Length;
            if (length > InputLimits.MaxVariableValueLength)
            {
                errors[$"variables.{name}"] = [$"the value of {name} must be at most {InputLimits.MaxVariableValueLength} characters."];
            }
        }

        return errors;
    }

    public static JobSubmission Draft(
        string? systemPrompt, string userPrompt, IReadOnlyDictionary<string, JsonElement>? variables, string? model,
        string userId, string? idempotencyKey = null, string? callbackUrl = null) =>
        new(JobType.AiPreview, Input(systemPrompt, userPrompt, variables, model), userId, idempotencyKey, callbackUrl);

    /// <summary>Runs the texts of <paramref name="prompt"/> (as read at the version wanted); the input records which version it was.</summary>
    public static JobSubmission Stored(
        PromptDto prompt, IReadOnlyDictionary<string, JsonElement>? variables, string? model,
        string userId, string? idempotencyKey = null, string? callbackUrl = null)
    {
        var input = Input(prompt.SystemPrompt, prompt.UserPromptTemplate, variables, model);
        input["promptId"] = prompt.Id;
        input["promptVersion"] = prompt.Version;
        return new(JobType.AiPreview, input, userId, idempotencyKey, callbackUrl);
    }

    private static JsonObject Input(
        string? systemPrompt, string userPrompt, IReadOnlyDictionary<string, JsonElement>? variables, string? model) => new()
    {
        ["systemPrompt"] = systemPrompt ?? "",
        ["userPrompt"] = userPrompt,
        ["variables"] = JsonSerializer.SerializeToNode(variables ?? new Dictionary<string, JsonElement>(), ApiJson.Options),
        ["model"] = model,
    };
}
