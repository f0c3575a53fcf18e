namespace RiskIntel.Core.Prompts;

/// <summary>
/// A prompt of the library. Every content edit goes through <see cref="Update"/>, which snapshots the
/// previous version and bumps <see cref="Version"/> (also the optimistic-concurrency token). Deleting is
/// soft so that versions, history and comments stay readable.
/// </summary>
public sealed class Prompt
{
    private Prompt()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public PromptSection Section { get; private set; }

    public string SystemPrompt { get; private set; } = "";

    public string UserPromptTemplate { get; private set; } = "";

    public List<string> Tags { get; private set; } = [];

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public string CreatedById { get; private set; } = "";

    public string UpdatedById { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool IsDeleted { get; private set; }

    public IReadOnlyList<string> Variables => PromptTemplate.Variables(SystemPrompt, UserPromptTemplate);

    public static (Prompt Prompt, PromptChange Change) Create(PromptContent content, string userId, DateTime now, Guid? id = null)
    {
        var prompt = new Prompt
        {
            Id = id ?? Guid.CreateVersion7(),
            Version = 1,
            CreatedById = userId,
            UpdatedById = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        prompt.Apply(content);
        var change = PromptChange.Record(prompt, PromptChangeKind.Created, PromptContent.Empty.Diff(content), userId, now);
        return (prompt, change);
    }

    /// <summary>Applies new content; returns null when nothing changed (no new version).</summary>
    public (PromptVersion Snapshot, PromptChange Change)? Update(PromptContent content, string userId, DateTime now)
    {
        EnsureNotDeleted();
        var diff = Content.Diff(content);
        if (diff.Count == 0)
        {
            return null;
        }

        var snapshot = PromptVersion.Of(this);
        Apply(content);
        Version++;
        Touch(userId, now);
        return (snapshot, PromptChange.Record(this, PromptChangeKind.Updated, diff, userId, now));
    }

    public PromptChange? SetActive(bool active, string userId, DateTime now)
    {
        EnsureNotDeleted();
        if (IsActive == active)
        {
            return null;
        }

        IsActive = active;
        Touch(userId, now);
        return PromptChange.Record(
            this,
            active ? PromptChangeKind.Activated : PromptChangeKind.Deactivated,
            new Dictionary<string, FieldChange> { ["isActive"] = FieldChange.Of(!active, active) },
            userId,
            now);
    }

    public PromptChange Delete(string userId, DateTime now)
    {
        EnsureNotDeleted();
        var changes = new Dictionary<string, FieldChange> { ["isDeleted"] = FieldChange.Of(false, true) };
        if (IsActive)
        {
            changes["isActive"] = FieldChange.Of(true, false);
        }

        IsActive = false;
        IsDeleted = true;
        Touch(userId, now);
        return PromptChange.Record(this, PromptChangeKind.Deleted, changes, userId, now);
    }

    public PromptContent Content => new(Name, Section, SystemPrompt, UserPromptTemplate, Tags);

    private void Apply(PromptContent content)
    {
        Name = content.Name;
        Section = content.Section;
        SystemPrompt = content.SystemPrompt;
        UserPromptTemplate = content.UserPromptTemplate;
        Tags = [.. content.Tags];
    }

    private void Touch(string userId, DateTime now)
    {
        UpdatedById = userId;
        UpdatedAt = now;
    }

    private void EnsureNotDeleted()
    {
        if (IsDeleted)
        {
            throw new InvalidOperationException($"Prompt {Id} is deleted.");
        }
    }
}
