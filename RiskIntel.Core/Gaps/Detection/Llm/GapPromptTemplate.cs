using System.Globalization;
using Microsoft.Extensions.AI;
using RiskIntel.Core.Ai.Offline;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Core.Gaps.Detection.Llm;

/// <summary>
/// The active GAP_DETECTION prompt rendered once, with a placeholder where the document text goes, so every
/// part of a long document is asked with the same prompt version. A prompt without <c>{{documentText}}</c>
/// still gets the text, appended to its user message.
/// </summary>
internal sealed class GapPromptTemplate
{
    public const string DocumentSlot = "\u27E6riskintel-document-text\u27E7";
    private readonly string _system;
    private readonly string _user;

    public GapPromptTemplate(RenderedPrompt prompt)
    {
        _system = prompt.SystemPrompt;
        _user = prompt.SystemPrompt.Contains(DocumentSlot, StringComparison.Ordinal) || prompt.UserPrompt.Contains(DocumentSlot, StringComparison.Ordinal)
            ? prompt.UserPrompt
            : prompt.UserPrompt + "\n\nDocument text:\n\"\"\"\n" + DocumentSlot + "\n\"\"\"";
        OverheadTokens = TokenEstimator.Estimate(_system.Replace(DocumentSlot, "", StringComparison.Ordinal))
            + TokenEstimator.Estimate(_user.Replace(DocumentSlot, "", StringComparison.Ordinal));
    }

    /// <summary>What the prompt costs without the document.</summary>
    public int OverheadTokens { get; }

    public IReadOnlyList<ChatMessage> Messages(string part, int index, int count)
    {
        var text = count == 1 ? part : string.Create(CultureInfo.InvariantCulture,
            $"[part {index + 1} of {count} of the documents: judge only what this part says; a field it does not cover is MISSING here]\n{part}");
        var system = _system.Replace(DocumentSlot, text, StringComparison.Ordinal);
        var user = new ChatMessage(ChatRole.User, _user.Replace(DocumentSlot, text, StringComparison.Ordinal));
        return string.IsNullOrWhiteSpace(system) ? [user] : [new ChatMessage(ChatRole.System, system), user];
    }
}
