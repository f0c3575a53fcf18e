namespace RiskIntel.Core.Prompts;

/// <summary>Prompt content as a client sends it, before validation (section as text, e.g. <c>RISK_ANALYSIS</c>).</summary>
public sealed record PromptDraft(
    string? Name,
    string? Section,
    string? SystemPrompt,
    string? UserPromptTemplate,
    IReadOnlyList<string>? Tags)
{
    public const int MaxNameLength = InputLimits.MaxPromptNameLength;
    public const int MaxTextLength = InputLimits.MaxPromptTextLength;
    public const int MaxTags = InputLimits.MaxTags;
    public const int MaxTagLength = InputLimits.MaxTagLength;

    /// <summary>Checks every field; errors are keyed by <paramref name="prefix"/> + the field's API name.</summary>
    public PromptContent? Validate(Dictionary<string, string[]> errors, string prefix = "")
    {
        var before = errors.Count;
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[prefix + "name"] = ["name is required."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors[prefix + "name"] = [$"name must be at most {MaxNameLength} characters."];
        }

        PromptSection? section = TryParseSection(Section, out var parsed) ? parsed : null;
        if (section is null)
        {
            errors[prefix + "section"] = [$"section must be one of {string.Join(", ", Enum.GetValues<PromptSection>().Select(s => s.ToApiName()))}."];
        }

        if (string.IsNullOrWhiteSpace(UserPromptTemplate))
        {
            errors[prefix + "userPromptTemplate"] = ["userPromptTemplate is required."];
        }
        else if (UserPromptTemplate.Length > MaxTextLength)
        {
            errors[prefix + "userPromptTemplate"] = [$"userPromptTemplate must be at most {MaxTextLength} characters."];
        }

        if (SystemPrompt?.Length > MaxTextLength)
        {
            errors[prefix + "systemPrompt"] = [$"systemPrompt must be at most {MaxTextLength} characters."];
        }

        var tags = (Tags ?? []).Select(t => t?.Trim().ToLowerInvariant() ?? "").Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > MaxTags || tags.Any(t => t.Length > MaxTagLength))
        {
            errors[prefix + "tags"] = [$"at most {MaxTags} tags of at most {MaxTagLength} characters each."];
        }

        return errors.Count > before
            ? null
            : new PromptContent(name, section!.Value, SystemPrompt ?? "", UserPromptTemplate!, tags);
    }

    /// <summary>A section by its API name (e.g. <c>RISK_ANALYSIS</c>); numbers are not names.</summary>
    public static bool TryParseSection(string? text, out PromptSection section)
    {
        section = default;
        return !string.IsNullOrWhiteSpace(text) && char.IsLetter(text.TrimStart()[0])
            && Enum.TryParse(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out section)
            && Enum.IsDefined(section);
    }

    public static PromptDraft From(PromptContent content) =>
        new(content.Name, content.Section.ToApiName(), content.SystemPrompt, content.UserPromptTemplate, content.Tags);
}
