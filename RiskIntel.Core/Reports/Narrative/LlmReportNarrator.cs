using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RiskIntel.Core.Ai.Structured;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Core.Reports.Narrative;

/// <summary>
/// Asks a model for the report text through the active REPORT_GENERATION prompt, with the analysis as JSON.
/// The answer is held to the schema (one repair, then <see cref="ModelOutputException"/>).
/// </summary>
public sealed partial class LlmReportNarrator(IChatClient chat, ActivePromptLookup prompts, ILogger<LlmReportNarrator> logger)
    : IRiskReportNarrator
{
    public const string EngineName = "llm";

    public async Task<ReportNarrative> ComposeAsync(ReportNarrativeRequest request, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, JsonElement>
        {
            ["companyName"] = JsonSerializer.SerializeToElement(request.CompanyName),
            ["companyType"] = JsonSerializer.SerializeToElement(request.CompanyType),
            ["country"] = JsonSerializer.SerializeToElement(request.Country ?? "country not given"),
            ["analysis"] = JsonSerializer.SerializeToElement(request.Analysis, ApiJson.Options),
        };
        var prompt = await prompts.GetActiveAsync(PromptSection.ReportGeneration, variables, cancellationToken);
        ChatMessage[] messages = [new(ChatRole.System, prompt.SystemPrompt), new(ChatRole.User, prompt.UserPrompt)];
        var answer = await StructuredChat.GetJsonAsync(chat, messages, ReportNarrativeReader.Read, new ChatOptions { Temperature = 0.2f }, cancellationToken);
        Log.Written(logger, answer.Model, prompt.Name, prompt.Version, answer.Repairs);
        return answer.Value with
        {
            Model = answer.Model,
            PromptId = prompt.PromptId,
            PromptVersion = prompt.Version,
            InputTokens = answer.InputTokens,
            OutputTokens = answer.OutputTokens,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Report narrative written by {Model} with prompt \"{Prompt}\" v{PromptVersion} after {Repairs} repairs")]
        public static partial void Written(ILogger logger, string model, string prompt, int promptVersion, int repairs);
    }
}
