using System.Text.Json;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Core.Prompts;

public enum PromptChangeKind
{
    Created,
    Updated,
    Activated,
    Deactivated,
    Deleted,
}

/// <summary>One entry of a prompt's history: who did what to which fields, at which version.</summary>
public sealed class PromptChange
{
    private PromptChange()
    {
    }

    public long Id { get; private set; }

    public Guid PromptId { get; private set; }

    public int Version { get; private set; }

    public PromptChangeKind Kind { get; private set; }

    public string ChangedById { get; private set; } = "";

    public DateTime ChangedAt { get; private set; }

    /// <summary><c>{ field: { old, new } }</c> as JSON.</summary>
    public string Changes { get; private set; } = "{}";

    public IReadOnlyDictionary<string, FieldChange> ReadChanges() =>
        JsonSerializer.Deserialize<Dictionary<string, FieldChange>>(Changes, ApiJson.Options) ?? [];

    internal static PromptChange Record(
        Prompt prompt, PromptChangeKind kind, IReadOnlyDictionary<string, FieldChange> changes, string userId, DateTime now) => new()
    {
        PromptId = prompt.Id,
        Version = prompt.Version,
        Kind = kind,
        ChangedById = userId,
        ChangedAt = now,
        Changes = JsonSerializer.Serialize(changes, ApiJson.Options),
    };
}
