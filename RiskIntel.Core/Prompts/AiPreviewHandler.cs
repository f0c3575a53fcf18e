using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Prompts;

public sealed record AiPreviewInput(
    string? SystemPrompt,
    string? UserPrompt,
    Dictionary<string, JsonElement>? Variables,
    string? Model);

public sealed record AiPreviewResult(
    string Output,
    string Model,
    long InputTokens,
    long OutputTokens,
    long TokensUsed,
    long ProcessingTimeMs,
    string RenderedSystemPrompt,
    string RenderedUserPrompt);

/// <summary>AI_PREVIEW: fills the prompt templates and runs them once on the configured model.</summary>
public sealed class AiPreviewHandler(IChatClient chatClient, TimeProvider time) : IJobHandler
{
    public JobType Type => JobType.AiPreview;

    public async Task<object> ExecuteAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        var input = attempt.GetInput<AiPreviewInput>();
        if (string.IsNullOrWhiteSpace(input.UserPrompt))
        {
            throw new InputValidationException("userPrompt is required.");
        }

        var system = PromptTemplate.Render(input.SystemPrompt ?? "", input.Variables);
        var user = PromptTemplate.Render(input.UserPrompt, input.Variables);
        await attempt.ReportProgressAsync(10, "Prompts rendered; calling the model", cancellationToken);

        List<ChatMessage> messages = string.IsNullOrWhiteSpace(system)
            ? [new(ChatRole.User, user)]
            : [new(ChatRole.System, system), new(ChatRole.User, user)];
        var started = time.GetTimestamp();
        var response = await chatClient.GetResponseAsync(
            messages, new ChatOptions { ModelId = input.Model }, cancellationToken);
        var elapsed = time.GetElapsedTime(started);

        var inputTokens = response.Usage?.InputTokenCount ?? 0;
        var outputTokens = response.Usage?.OutputTokenCount ?? 0;
        var model = response.ModelId ?? input.Model
            ?? chatClient.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";
        return new AiPreviewResult(
            response.Text,
            model,
            inputTokens,
            outputTokens,
            response.Usage?.TotalTokenCount ?? inputTokens + outputTokens,
            (long)elapsed.TotalMilliseconds,
            system,
            user);
    }
}
