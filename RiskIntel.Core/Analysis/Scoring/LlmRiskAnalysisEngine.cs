using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Ai.Structured;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// Scores with a language model through the active RISK_ANALYSIS prompt. The answer is held to the schema
/// (one repair, then <see cref="ModelOutputException"/>); quotes the text does not contain are dropped, and
/// category and overall scores and all levels are recomputed from the model's field scores.
/// </summary>
public sealed partial class LlmRiskAnalysisEngine(
    IChatClient chat, ActivePromptLookup prompts, IOptions<LlmRiskAnalysisOptions> options, ILogger<LlmRiskAnalysisEngine> logger)
    : IRiskAnalysisEngine
{
    public const string EngineName = "llm";

    public async Task<RiskAnalysisOutcome> AnalyzeAsync(RiskAnalysisRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var gaps = request.GapsInTaxonomyOrder();
        var text = new AnalysisText(request.Documents);
        var gapEvidence = gaps.SelectMany(g => g.Evidence).ToList();
        var budgeted = DocumentTextBudget.Compose(request.Documents, text, gapEvidence, settings.DocumentTokenBudget);
        if (budgeted.Truncated)
        {
            Log.TextCut(logger, budgeted.SentTokens, budgeted.TotalTokens);
        }

        var variables = RiskAnalysisPromptVariables.Build(request, gaps, text.Verifier, budgeted.Text);
        var prompt = await prompts.GetActiveAsync(PromptSection.RiskAnalysis, variables, cancellationToken);
        ChatMessage[] messages = [new(ChatRole.System, prompt.SystemPrompt), new(ChatRole.User, prompt.UserPrompt)];
        var chatOptions = new ChatOptions { Temperature = settings.Temperature, MaxOutputTokens = settings.MaxOutputTokens };
        var answer = await StructuredChat.GetJsonAsync(chat, messages, LlmAnalysisReader.Read, chatOptions, cancellationToken);

        var (categories, notes) = LlmAnalysisMapper.Map(answer.Value, gaps.ToDictionary(g => g.Field, StringComparer.Ordinal), text.Verifier);
        if (budgeted.Truncated)
        {
            notes.Insert(0, $"The document text was cut to fit the budget: about {budgeted.SentTokens} of {budgeted.TotalTokens} tokens were sent.");
        }

        Log.Scored(logger, answer.Model, prompt.Name, prompt.Version, answer.Repairs, notes.Count);
        var (overall, level) = RiskScoreMath.Overall(categories);
        return new RiskAnalysisOutcome(EngineName, overall, level, categories)
        {
            Model = answer.Model,
            PromptId = prompt.PromptId,
            PromptVersion = prompt.Version,
            InputTokens = answer.InputTokens,
            OutputTokens = answer.OutputTokens,
            TextTruncated = budgeted.Truncated,
            Notes = notes,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Risk analysis text cut to about {SentTokens} of {TotalTokens} tokens")]
        public static partial void TextCut(ILogger logger, int sentTokens, int totalTokens);

        [LoggerMessage(Level = LogLevel.Information,
            Message = "Risk analysis scored by {Model} with prompt \"{Prompt}\" v{PromptVersion} after {Repairs} repairs; {Notes} corrections noted")]
        public static partial void Scored(ILogger logger, string model, string prompt, int promptVersion, int repairs, int notes);
    }
}
