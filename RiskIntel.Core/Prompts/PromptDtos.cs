using System.Text.Json;

namespace RiskIntel.Core.Prompts;

/// <summary>A prompt as clients see it; for an older version the content and author are that version's.</summary>
public sealed record PromptDto(
    Guid Id,
    string Name,
    PromptSection Section,
    string SystemPrompt,
    string UserPromptTemplate,
    IReadOnlyList<string> Variables,
    IReadOnlyList<string> Tags,
    bool IsActive,
    int Version,
    int LatestVersion,
    string CreatedById,
    string UpdatedById,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool IsDeleted);

public sealed record PromptPage(IReadOnlyList<PromptDto> Items, int Total);

public sealed record PromptListQuery(
    PromptSection? Section = null,
    bool? Active = null,
    string? Tag = null,
    string? Search = null,
    int Page = 1,
    int Limit = 20);

public sealed record PromptChangeDto(
    int Version,
    PromptChangeKind Kind,
    string ChangedById,
    string? ChangedBy,
    DateTime ChangedAt,
    IReadOnlyDictionary<string, FieldChange> Changes);

public sealed record PromptCommentDto(
    Guid Id,
    Guid PromptId,
    Guid? ParentId,
    string Content,
    string AuthorId,
    string? Author,
    DateTime CreatedAt);

/// <summary>The active prompt of a section with its templates filled: what a pipeline step sends to the model.</summary>
public sealed record RenderedPrompt(Guid PromptId, int Version, string Name, string SystemPrompt, string UserPrompt);

public static class PromptMappings
{
    public static PromptDto ToDto(this Prompt prompt) => new(
        prompt.Id,
        prompt.Name,
        prompt.Section,
        prompt.SystemPrompt,
        prompt.UserPromptTemplate,
        prompt.Variables,
        prompt.Tags,
        prompt.IsActive,
        prompt.Version,
        prompt.Version,
        prompt.CreatedById,
        prompt.UpdatedById,
        prompt.CreatedAt,
        prompt.UpdatedAt,
        prompt.IsDeleted);

    /// <summary>The prompt as it was at <paramref name="snapshot"/>'s version.</summary>
    public static PromptDto ToDto(this PromptVersion snapshot, Prompt current) => new(
        current.Id,
        snapshot.Name,
        snapshot.Section,
        snapshot.SystemPrompt,
        snapshot.UserPromptTemplate,
        PromptTemplate.Variables(snapshot.SystemPrompt, snapshot.UserPromptTemplate),
        snapshot.Tags,
        IsActive: false,
        snapshot.Version,
        current.Version,
        current.CreatedById,
        snapshot.AuthorId,
        current.CreatedAt,
        snapshot.CreatedAt,
        current.IsDeleted);

    public static PromptChangeDto ToDto(this PromptChange change, string? changedBy) =>
        new(change.Version, change.Kind, change.ChangedById, changedBy, change.ChangedAt, change.ReadChanges());

    public static PromptCommentDto ToDto(this PromptComment comment, string? author) =>
        new(comment.Id, comment.PromptId, comment.ParentId, comment.Content, comment.AuthorId, author, comment.CreatedAt);

    /// <summary>The section as the API writes it, e.g. <c>GAP_DETECTION</c>.</summary>
    public static string ToApiName(this PromptSection section) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(section.ToString());
}
