namespace RiskIntel.App.Components.Prompts;

/// <summary>
/// The variables a preview still lacks. A blank value is refused before anything is submitted: a template would
/// be filled with nothing, or (never typed into) fail as "unknown variable" although the field is right there.
/// </summary>
public static class PreviewVariables
{
    public static IReadOnlyList<string> Blank(IEnumerable<string> names, IReadOnlyDictionary<string, string> values) =>
        names.Where(n => !values.TryGetValue(n, out var value) || string.IsNullOrWhiteSpace(value)).Distinct(StringComparer.Ordinal).ToList();

    public static string Message(IReadOnlyList<string> blank) =>
        blank.Count == 1
            ? $"Fill in {{{{{blank[0]}}}}} before running the preview."
            : $"Fill in {string.Join(", ", blank.Select(b => "{{" + b + "}}"))} before running the preview.";
}
