using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Ai.Structured;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Gaps.Detection.Llm;
using RiskIntel.Core.Prompts;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Gaps.Detection;

/// <summary>
/// Gap detection by a chat model, driven by the active GAP_DETECTION prompt (variables <c>companyName</c>,
/// <c>companyType</c>, <c>country</c>, <c>documentText</c>). The text goes with page markers; a document too long
/// for <see cref="GapDetectionOptions.MaxInputTokensPerCall"/> is sent in parts and the answers are merged per
/// field. Each answer must match the gap schema (one repair, then <see cref="ModelOutputException"/>), and every
/// quote is verified against the parsed text before it is shown.
/// </summary>
public sealed partial class LlmGapDetectionEngine(
    IChatClient chat, ActivePromptLookup prompts, IOptions<GapDetectionOptions> options, ILogger<LlmGapDetectionEngine> logger)
    : IGapDetectionEngine
{
    public const string EngineName = "llm";

    /// <summary>Part budget below which a call would carry too little text to judge anything.</summary>
    private const int MinDocumentTokens = 1_000;
    private const int PartNoteTokens = 64;

    public string Name => EngineName;

    public async Task<GapDetectionOutcome> DetectAsync(GapDetectionRequest request, CancellationToken cancellationToken)
    {
        var rendered = await prompts.GetActiveAsync(PromptSection.GapDetection, Variables(request), cancellationToken);
        var template = new GapPromptTemplate(rendered);
        var settings = options.Value;
        var budget = settings.MaxInputTokensPerCall - template.OverheadTokens - PartNoteTokens;
        if (budget < MinDocumentTokens)
        {
            throw new InputValidationException(string.Create(CultureInfo.InvariantCulture,
                $"GapDetection:MaxInputTokensPerCall ({settings.MaxInputTokensPerCall}) leaves no room for the document next to the active GAP_DETECTION prompt (about {template.OverheadTokens} tokens)."));
        }

        var parts = DocumentChunker.Split(request.Documents, budget);
        var verifier = new QuoteVerifier(request.Documents);
        if (parts.Count == 0)
        {
            var empty = RiskTaxonomy.Fields.ToDictionary(f => f.Key,
                f => new GapCandidate(f.Key, GapStatus.Missing, null, [], [], ["the documents contain no text; nothing was sent to the model"]), StringComparer.Ordinal);
            return new GapDetectionOutcome(EngineName, null, rendered.PromptId, rendered.Version, GapVerification.Apply(empty, verifier));
        }

        var chatOptions = new ChatOptions { MaxOutputTokens = settings.MaxOutputTokens, Temperature = settings.Temperature };
        var answers = new List<GapAnswer>();
        string? model = null;
        for (var i = 0; i < parts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answer = await StructuredChat.GetJsonAsync(chat, template.Messages(parts[i], i, parts.Count), GapAnswerReader.Read, chatOptions, cancellationToken);
            Log.PartAnswered(logger, i + 1, parts.Count, answer.Model, answer.Repairs, answer.Value.Items.Count);
            answers.Add(answer.Value);
            model = answer.Model;
        }

        var gaps = GapVerification.Apply(GapAnswerMerger.Merge(answers), verifier);
        var dropped = gaps.Sum(g => g.DroppedQuotes.Count);
        if (dropped > 0)
        {
            Log.QuotesDropped(logger, dropped, string.Join(", ", gaps.Where(g => g.DroppedQuotes.Count > 0).Select(g => g.Field)));
        }

        return new GapDetectionOutcome(EngineName, model, rendered.PromptId, rendered.Version, gaps);
    }

    private static Dictionary<string, JsonElement> Variables(GapDetectionRequest request) => new(StringComparer.Ordinal)
    {
        ["companyName"] = JsonSerializer.SerializeToElement(request.CompanyName),
        ["companyType"] = JsonSerializer.SerializeToElement(request.CompanyType),
        ["country"] = JsonSerializer.SerializeToElement(string.IsNullOrWhiteSpace(request.Country) ? "country not stated" : request.Country),
        ["documentText"] = JsonSerializer.SerializeToElement(GapPromptTemplate.DocumentSlot),
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Gap detection part {Part} of {Parts} answered by {Model} after {Repairs} repair(s), {Fields} field(s) listed")]
        public static partial void PartAnswered(ILogger logger, int part, int parts, string model, int repairs, int fields);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Gap detection dropped {Count} quote(s) the model cited that are not in the documents: {Fields}")]
        public static partial void QuotesDropped(ILogger logger, int count, string fields);
    }
}
