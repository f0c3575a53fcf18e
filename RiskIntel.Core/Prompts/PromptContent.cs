using System.Text.Json;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Core.Prompts;

/// <summary>The editable content of a prompt: what a version snapshots and what a change compares.</summary>
public sealed record PromptContent(
    string Name,
    PromptSection Section,
    string SystemPrompt,
    string UserPromptTemplate,
    IReadOnlyList<string> Tags)
{
    internal static PromptContent Empty { get; } = new("", default, "", "", []);

    /// <summary>The fields that differ from <paramref name="next"/>, named as in the API (camelCase).</summary>
    public Dictionary<string, FieldChange> Diff(PromptContent next)
    {
        var changes = new Dictionary<string, FieldChange>();
        if (Name != next.Name)
        {
            changes["name"] = FieldChange.Of(NullIfEmpty(Name), next.Name);
        }

        if (Section != next.Section || ReferenceEquals(this, Empty))
        {
            changes["section"] = FieldChange.Of<PromptSection?>(ReferenceEquals(this, Empty) ? null : Section, next.Section);
        }

        if (SystemPrompt != next.SystemPrompt)
        {
            changes["systemPrompt"] = FieldChange.Of(NullIfEmpty(SystemPrompt), next.SystemPrompt);
        }

        if (UserPromptTemplate != next.UserPromptTemplate)
        {
            changes["userPromptTemplate"] = FieldChange.Of(NullIfEmpty(UserPromptTemplate), next.UserPromptTemplate);
        }

        if (!Tags.SequenceEqual(next.Tags, StringComparer.Ordinal))
        {
            changes["tags"] = FieldChange.Of(Tags, next.Tags);
        }

        return changes;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>One changed field: its value before and after, as JSON.</summary>
public sealed record FieldChange(JsonElement? Old, JsonElement? New)
{
    public static FieldChange Of<T>(T? old, T? next) => new(ToJson(old), ToJson(next));

    private static JsonElement? ToJson<T>(T? value) =>
        value is null ? null : JsonSerializer.SerializeToElement(value, ApiJson.Options);
}
