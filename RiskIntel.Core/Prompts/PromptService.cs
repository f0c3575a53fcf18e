using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Prompts;

/// <summary>
/// Edits the prompt library: create, update (optimistic concurrency, snapshot, history), delete (soft),
/// activate (one active prompt per section) and comment. Reads are in <see cref="PromptQueries"/>.
/// </summary>
public sealed partial class PromptService(
    IDbContextFactory<RiskIntelDbContext> dbFactory, TimeProvider time, ILogger<PromptService> logger)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<PromptDto> CreateAsync(PromptDraft draft, string userId, CancellationToken cancellationToken)
    {
        var content = Validated(draft);
        await using var db = dbFactory.CreateDbContext();
        await PromptRules.EnsureNameFreeAsync(db, content, null, cancellationToken);
        var (prompt, change) = Prompt.Create(content, userId, Now);
        db.Prompts.Add(prompt);
        db.PromptChanges.Add(change);
        await db.SaveChangesAsync(cancellationToken);
        Log.Created(logger, prompt.Id, prompt.Section, userId);
        return prompt.ToDto();
    }

    /// <summary>Applies an edit based on <paramref name="basedOnVersion"/>; null when the prompt does not exist.</summary>
    public async Task<PromptDto?> UpdateAsync(
        Guid id, PromptDraft draft, int basedOnVersion, string userId, CancellationToken cancellationToken)
    {
        var content = Validated(draft);
        await using var db = dbFactory.CreateDbContext();
        var prompt = await db.Prompts.FirstOrDefaultAsync(p => p.Id == id && !p.IsDeleted, cancellationToken);
        if (prompt is null)
        {
            return null;
        }

        if (prompt.Version != basedOnVersion)
        {
            throw Stale(prompt.Version, basedOnVersion);
        }

        await PromptRules.ApplyAsync(db, prompt, content, userId, Now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale(null, basedOnVersion);
        }

        Log.Updated(logger, prompt.Id, prompt.Version, userId);
        return prompt.ToDto();
    }

    public async Task<bool> DeleteAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var prompt = await db.Prompts.FirstOrDefaultAsync(p => p.Id == id && !p.IsDeleted, cancellationToken);
        if (prompt is null)
        {
            return false;
        }

        db.PromptChanges.Add(prompt.Delete(userId, Now));
        await db.SaveChangesAsync(cancellationToken);
        Log.Deleted(logger, id, userId);
        return true;
    }

    /// <summary>
    /// Activates or deactivates. A second active prompt in a section is a conflict unless
    /// <paramref name="replace"/>, which deactivates the other one in the same transaction.
    /// </summary>
    public async Task<PromptDto?> SetActiveAsync(
        Guid id, bool active, bool replace, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var prompt = await db.Prompts.FirstOrDefaultAsync(p => p.Id == id && !p.IsDeleted, cancellationToken);
            if (prompt is null)
            {
                return null;
            }

            if (active)
            {
                await DeactivateOthersAsync(db, prompt, replace, userId, cancellationToken);
            }

            if (prompt.SetActive(active, userId, Now) is { } change)
            {
                db.PromptChanges.Add(change);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (active)
            {
                // The unique index caught a concurrent activation in the same section.
                throw new PromptConflictException("Another prompt is active", $"Another {prompt.Section.ToApiName()} prompt was activated at the same time; reload and try again.");
            }

            await transaction.CommitAsync(cancellationToken);
            Log.ActiveChanged(logger, prompt.Section, prompt.Id, prompt.Version, active, userId);
            return prompt.ToDto();
        });
    }

    public async Task<PromptCommentDto?> AddCommentAsync(
        Guid promptId, string? content, Guid? parentId, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(content) || content.Length > InputLimits.MaxCommentLength)
        {
            throw new PromptValidationException(new Dictionary<string, string[]> { ["content"] = [$"content is required (at most {InputLimits.MaxCommentLength} characters)."] });
        }

        await using var db = dbFactory.CreateDbContext();
        if (!await db.Prompts.AnyAsync(p => p.Id == promptId, cancellationToken))
        {
            return null;
        }

        if (parentId is { } parent && !await db.PromptComments.AnyAsync(c => c.Id == parent && c.PromptId == promptId, cancellationToken))
        {
            throw new PromptValidationException(new Dictionary<string, string[]> { ["parentId"] = [$"No comment {parent} on this prompt to reply to."] });
        }

        var comment = PromptComment.Create(promptId, parentId, content, userId, Now);
        db.PromptComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        var author = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return comment.ToDto(author);
    }

    private async Task DeactivateOthersAsync(
        RiskIntelDbContext db, Prompt prompt, bool replace, string userId, CancellationToken cancellationToken)
    {
        var others = await db.Prompts
            .Where(p => p.Section == prompt.Section && p.IsActive && !p.IsDeleted && p.Id != prompt.Id)
            .ToListAsync(cancellationToken);
        if (others.Count == 0)
        {
            return;
        }

        if (!replace)
        {
            throw new PromptActivationConflictException(others[0].ToDto());
        }

        foreach (var other in others)
        {
            db.PromptChanges.Add(other.SetActive(false, userId, Now)!);
        }

        // Saved before the activation so the one-active-per-section index never sees two.
        await db.SaveChangesAsync(cancellationToken);
    }

    private static PromptContent Validated(PromptDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        return draft.Validate(errors) ?? throw new PromptValidationException(errors);
    }

    private static PromptConflictException Stale(int? current, int basedOn) => new(
        "Stale version",
        current is null
            ? $"The prompt changed while your edit (based on version {basedOn}) was saved. Reload and apply your change again."
            : $"The prompt is at version {current}; your edit was based on version {basedOn}. Reload and apply your change again.");

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Prompt {PromptId} created in {Section} by {UserId}")]
        public static partial void Created(ILogger logger, Guid promptId, PromptSection section, string userId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Prompt {PromptId} updated to version {Version} by {UserId}")]
        public static partial void Updated(ILogger logger, Guid promptId, int version, string userId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Prompt {PromptId} deleted by {UserId}")]
        public static partial void Deleted(ILogger logger, Guid promptId, string userId);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Section} prompt {PromptId} v{Version} active={Active}, set by {UserId}")]
        public static partial void ActiveChanged(ILogger logger, PromptSection section, Guid promptId, int version, bool active, string userId);
    }
}
