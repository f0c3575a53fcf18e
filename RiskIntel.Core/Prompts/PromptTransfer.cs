using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Prompts;

public enum PromptImportMode
{
    /// <summary>Every item becomes a new prompt; a name already used in its section is an error.</summary>
    Create,

    /// <summary>An item updates the prompt with its id, else the one with its section and name, else it is created.</summary>
    Upsert,
}

/// <summary>One prompt of an export file; also what an import reads (section as text, id and isActive optional).</summary>
public sealed record PromptTransferItem(
    Guid? Id,
    string? Name,
    string? Section,
    string? SystemPrompt,
    string? UserPromptTemplate,
    IReadOnlyList<string>? Tags,
    bool? IsActive,
    int? Version = null)
{
    public PromptDraft ToDraft() => new(Name, Section, SystemPrompt, UserPromptTemplate, Tags);

    public static PromptTransferItem From(Prompt prompt) => new(
        prompt.Id, prompt.Name, prompt.Section.ToApiName(), prompt.SystemPrompt, prompt.UserPromptTemplate, prompt.Tags, prompt.IsActive, prompt.Version);
}

public sealed record PromptImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<PromptDto> Prompts);

/// <summary>Exports the library as JSON and imports it back, all or nothing.</summary>
public sealed class PromptTransfer(IDbContextFactory<RiskIntelDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<PromptTransferItem>> ExportAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var prompts = await db.Prompts.AsNoTracking().Where(p => !p.IsDeleted)
            .OrderBy(p => p.Section).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        return prompts.Select(PromptTransferItem.From).ToList();
    }

    /// <summary>
    /// Validates every item, then stores all of them in one transaction. Any bad item throws a
    /// <see cref="PromptValidationException"/> with errors keyed <c>prompts[i].field</c> and stores nothing.
    /// </summary>
    public async Task<PromptImportResult> ImportAsync(
        IReadOnlyList<PromptTransferItem> items, PromptImportMode mode, string userId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var contents = PromptImportValidation.Validate(items, errors);
        if (errors.Count > 0)
        {
            throw new PromptValidationException(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (prompts, counts) = await StoreAsync(db, items, contents, mode, userId, now, errors, cancellationToken);
            if (errors.Count > 0)
            {
                throw new PromptValidationException(errors);
            }

            await db.SaveChangesAsync(cancellationToken);
            await ApplyActivationAsync(db, items, prompts, userId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new PromptImportResult(counts.Created, counts.Updated, counts.Unchanged, prompts.Select(p => p.ToDto()).ToList());
        });
    }

    private static async Task<(List<Prompt> Prompts, (int Created, int Updated, int Unchanged) Counts)> StoreAsync(
        RiskIntelDbContext db, IReadOnlyList<PromptTransferItem> items, IReadOnlyList<PromptContent> contents,
        PromptImportMode mode, string userId, DateTime now, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var prompts = new List<Prompt>();
        int created = 0, updated = 0, unchanged = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var content = contents[i];
            var existing = mode == PromptImportMode.Upsert ? await FindAsync(db, items[i].Id, content, cancellationToken) : null;
            try
            {
                if (existing is null)
                {
                    await PromptRules.EnsureNameFreeAsync(db, content, null, cancellationToken);
                    var (prompt, change) = Prompt.Create(content, userId, now);
                    db.Prompts.Add(prompt);
                    db.PromptChanges.Add(change);
                    prompts.Add(prompt);
                    created++;
                }
                else
                {
                    var before = existing.Version;
                    await PromptRules.ApplyAsync(db, existing, content, userId, now, cancellationToken);
                    prompts.Add(existing);
                    _ = existing.Version == before ? unchanged++ : updated++;
                }
            }
            catch (PromptConflictException ex)
            {
                errors[$"prompts[{i}].name"] = [ex.Message];
            }
        }

        return (prompts, (created, updated, unchanged));
    }

    private static async Task<Prompt?> FindAsync(RiskIntelDbContext db, Guid? id, PromptContent content, CancellationToken cancellationToken) =>
        (id is { } known ? await db.Prompts.FirstOrDefaultAsync(p => p.Id == known && !p.IsDeleted, cancellationToken) : null)
        ?? await db.Prompts.FirstOrDefaultAsync(
            p => !p.IsDeleted && p.Section == content.Section && p.Name == content.Name, cancellationToken);

    /// <summary>The file states which prompts are active: others of those sections step down first.</summary>
    private static async Task ApplyActivationAsync(
        RiskIntelDbContext db, IReadOnlyList<PromptTransferItem> items, List<Prompt> prompts, string userId, DateTime now,
        CancellationToken cancellationToken)
    {
        var activating = prompts.Where((_, i) => items[i].IsActive == true).ToList();
        var sections = activating.Select(p => p.Section).ToList();
        var ids = activating.Select(p => p.Id).ToList();
        var others = await db.Prompts
            .Where(p => p.IsActive && !p.IsDeleted && sections.Contains(p.Section) && !ids.Contains(p.Id))
            .ToListAsync(cancellationToken);
        var deactivating = others.Concat(prompts.Where((_, i) => items[i].IsActive == false));
        foreach (var change in deactivating.Select(p => p.SetActive(false, userId, now)).OfType<PromptChange>())
        {
            db.PromptChanges.Add(change);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var change in activating.Select(p => p.SetActive(true, userId, now)).OfType<PromptChange>())
        {
            db.PromptChanges.Add(change);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
