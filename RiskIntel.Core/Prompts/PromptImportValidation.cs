namespace RiskIntel.Core.Prompts;

/// <summary>Checks an import file on its own: each item's fields, and clashes between items.</summary>
internal static class PromptImportValidation
{
    public static IReadOnlyList<PromptContent> Validate(IReadOnlyList<PromptTransferItem>? items, Dictionary<string, string[]> errors)
    {
        var contents = new List<PromptContent>();
        if (items is null || items.Count == 0)
        {
            errors["prompts"] = ["prompts must contain at least one prompt."];
            return contents;
        }

        if (items.Count > InputLimits.MaxImportPrompts)
        {
            errors["prompts"] = [$"an import holds at most {InputLimits.MaxImportPrompts} prompts."];
            return contents;
        }

        var names = new Dictionary<(PromptSection, string), int>();
        var active = new Dictionary<PromptSection, int>();
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = $"prompts[{i}].";
            if (items[i] is null)
            {
                errors[$"prompts[{i}]"] = ["The item is empty."];
                continue;
            }

            if (items[i].ToDraft().Validate(errors, prefix) is not { } content)
            {
                continue;
            }

            contents.Add(content);
            if (!names.TryAdd((content.Section, content.Name), i))
            {
                errors[prefix + "name"] = [$"prompts[{names[(content.Section, content.Name)]}] already has this name in {content.Section.ToApiName()}."];
            }

            if (items[i].IsActive == true && !active.TryAdd(content.Section, i))
            {
                errors[prefix + "isActive"] = [$"prompts[{active[content.Section]}] is already the active {content.Section.ToApiName()} prompt; a section has at most one."];
            }
        }

        return contents;
    }
}
