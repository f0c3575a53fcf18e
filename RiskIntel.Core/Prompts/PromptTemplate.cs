using System.Text.Json;
using System.Text.RegularExpressions;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Prompts;

/// <summary><c>{{name}}</c> placeholders in prompt text: which ones a template uses, and filling them in.</summary>
public static partial class PromptTemplate
{
    /// <summary>The distinct variable names used, in order of first appearance.</summary>
    public static IReadOnlyList<string> Variables(params string?[] templates) =>
        templates.Where(t => t is not null)
            .SelectMany(t => Placeholder().Matches(t!).Select(m => m.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Fills every placeholder; one without a value is an error, never left in or emptied.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, JsonElement>? variables)
    {
        var missing = Variables(template).Where(v => variables is null || !variables.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(m => "{{" + m + "}}"));
            throw new InputValidationException($"unknown variable{(missing.Count > 1 ? "s" : "")} {names}");
        }

        return Placeholder().Replace(template, m => Format(variables![m.Groups["name"].Value]));
    }

    private static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_.\-]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
