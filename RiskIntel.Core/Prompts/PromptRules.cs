using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Prompts;

/// <summary>Rules an edit must pass whether it comes from the editor, the API or an import.</summary>
internal static class PromptRules
{
    /// <summary>Updates <paramref name="prompt"/> in <paramref name="db"/> without saving (shared with import).</summary>
    public static async Task ApplyAsync(
        RiskIntelDbContext db, Prompt prompt, PromptContent content, string userId, DateTime now, CancellationToken cancellationToken)
    {
        if (prompt.IsActive && prompt.Section != content.Section)
        {
            throw new PromptConflictException("Prompt is active", "An active prompt cannot move to another section; deactivate it first.");
        }

        await EnsureNameFreeAsync(db, content, prompt.Id, cancellationToken);
        if (prompt.Update(content, userId, now) is { } edit)
        {
            db.PromptVersions.Add(edit.Snapshot);
            db.PromptChanges.Add(edit.Change);
        }
    }

    public static async Task EnsureNameFreeAsync(
        RiskIntelDbContext db, PromptContent content, Guid? self, CancellationToken cancellationToken)
    {
        if (await db.Prompts.AnyAsync(
                p => !p.IsDeleted && p.Section == content.Section && p.Name == content.Name && p.Id != self, cancellationToken))
        {
            throw new PromptConflictException("Name taken", $"A {content.Section.ToApiName()} prompt named \"{content.Name}\" already exists.");
        }
    }
}
