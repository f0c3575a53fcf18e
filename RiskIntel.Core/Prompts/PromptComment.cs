namespace RiskIntel.Core.Prompts;

/// <summary>A comment on a prompt; a reply names its parent, which belongs to the same prompt.</summary>
public sealed class PromptComment
{
    private PromptComment()
    {
    }

    public Guid Id { get; private set; }

    public Guid PromptId { get; private set; }

    public Guid? ParentId { get; private set; }

    public string Content { get; private set; } = "";

    public string AuthorId { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static PromptComment Create(Guid promptId, Guid? parentId, string content, string authorId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        PromptId = promptId,
        ParentId = parentId,
        Content = content.Trim(),
        AuthorId = authorId,
        CreatedAt = now,
    };
}
