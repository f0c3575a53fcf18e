using System.Globalization;
using System.Text.RegularExpressions;

namespace RiskIntel.App.Components.Prompts;

/// <summary>
/// The prompt library's validation messages in the editor's words: the API names fields (<c>userPromptTemplate</c>,
/// <c>prompts[2].name</c>) the way a JSON body does, people know them by their labels ("User prompt template", "Prompt 3").
/// </summary>
public static partial class PromptMessages
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["name"] = "Name",
        ["section"] = "Section",
        ["systemPrompt"] = "System prompt",
        ["userPromptTemplate"] = "User prompt template",
        ["tags"] = "Tags",
        ["isActive"] = "Active",
        ["content"] = "Comment",
        ["prompts"] = "The file",
    };

    /// <summary>"prompts[2].name" with "name is required." reads "Prompt 3: Name is required."</summary>
    public static string Readable(string key, string message)
    {
        var text = Items().Replace(message, m => "prompt " + Number(m));
        var first = LeadingField().Match(text);
        if (first.Success && Labels.TryGetValue(first.Groups["field"].Value, out var label))
        {
            text = label + text[first.Groups["field"].Length..];
        }
        else if (text.Length > 0)
        {
            text = char.ToUpperInvariant(text[0]) + text[1..];
        }

        return Items().Match(key) is { Success: true } item ? $"Prompt {Number(item)}: {text}" : text;
    }

    private static string Number(Match item) =>
        (int.Parse(item.Groups["index"].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"prompts\[(?<index>\d+)\]")]
    private static partial Regex Items();

    [GeneratedRegex(@"^(?<field>[A-Za-z]+)\b")]
    private static partial Regex LeadingField();
}
