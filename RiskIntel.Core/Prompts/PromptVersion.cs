namespace RiskIntel.Core.Prompts;

/// <summary>A full copy of a prompt as it was at one version, taken just before the next edit.</summary>
public sealed class PromptVersion
{
    private PromptVersion()
    {
    }

    public long Id { get; private set; }

    public Guid PromptId { get; private set; }

    public int Version { get; private set; }

    public string Name { get; private set; } = "";

    public PromptSection Section { get; private set; }

    public string SystemPrompt { get; private set; } = "";

    public string UserPromptTemplate { get; private set; } = "";

    public List<string> Tags { get; private set; } = [];

    /// <summary>Who wrote this version, and when.</summary>
    public string AuthorId { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public PromptContent Content => new(Name, Section, SystemPrompt, UserPromptTemplate, Tags);

    internal static PromptVersion Of(Prompt prompt) => new()
    {
        PromptId = prompt.Id,
        Version = prompt.Version,
        Name = prompt.Name,
        Section = prompt.Section,
        SystemPrompt = prompt.SystemPrompt,
        UserPromptTemplate = prompt.UserPromptTemplate,
        Tags = [.. prompt.Tags],
        AuthorId = prompt.UpdatedById,
        CreatedAt = prompt.UpdatedAt,
    };
}
