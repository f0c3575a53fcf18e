using System.Text.Json;
using System.Text.Json.Nodes;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Core.Prompts;

/// <summary>Builds AI_PREVIEW submissions, from a draft or from a stored prompt version, for the API and the studio alike.</summary>
public static class PromptPreview
{
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
