using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Prompts;

/// <summary>Reads of the prompt library. Deleted prompts leave the list, but their versions, history and comments stay readable.</summary>
public sealed class PromptQueries(IDbContextFactory<RiskIntelDbContext> dbFactory)
{
    public async Task<PromptPage> ListAsync(PromptListQuery query, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var prompts = db.Prompts.AsNoTracking().Where(p => !p.IsDeleted);
        if (query.Section is { } section)
        {
            prompts = prompts.Where(p => p.Section == section);
        }

        if (query.Active is { } active)
        {
            prompts = prompts.Where(p => p.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim().ToLowerInvariant();
            prompts = prompts.Where(p => p.Tags.Contains(tag));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();

            // ToLower + Contains is what every provider translates; a StringComparison overload is not.
#pragma warning disable CA1862
            prompts = prompts.Where(p => p.Name.ToLower().Contains(term)
                || p.SystemPrompt.ToLower().Contains(term) || p.UserPromptTemplate.ToLower().Contains(term));
#pragma warning restore CA1862
        }

        var total = await prompts.CountAsync(cancellationToken);

        // In long: page × limit from a query string must not wrap around to an early page.
        var skip = (long)(Math.Max(query.Page, 1) - 1) * query.Limit;
        if (skip >= total)
        {
            return new PromptPage([], total);
        }

        var page = await prompts.OrderBy(p => p.Section).ThenByDescending(p => p.IsActive).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((int)skip).Take(query.Limit)
            .ToListAsync(cancellationToken);
        return new PromptPage(page.Select(p => p.ToDto()).ToList(), total);
    }

    /// <summary>The current prompt, or any version of it; null when the prompt or version does not exist.</summary>
    public async Task<PromptDto?> GetAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var prompt = await db.Prompts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (prompt is null || (version is null && prompt.IsDeleted))
        {
            return null;
        }

        if (version is null || version == prompt.Version)
        {
            return prompt.ToDto();
        }

        var snapshot = await db.PromptVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.PromptId == id && v.Version == version, cancellationToken);
        return snapshot?.ToDto(prompt);
    }

    /// <summary>Every version of a prompt, newest first (the current one included).</summary>
    public async Task<IReadOnlyList<PromptDto>?> GetVersionsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var prompt = await db.Prompts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (prompt is null)
        {
            return null;
        }

        var snapshots = await db.PromptVersions.AsNoTracking().Where(v => v.PromptId == id)
            .OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return [prompt.ToDto(), .. snapshots.Select(s => s.ToDto(prompt))];
    }

    /// <summary>Who changed which fields, newest first; null when the prompt never existed.</summary>
    public async Task<IReadOnlyList<PromptChangeDto>?> GetHistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await db.Prompts.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return null;
        }

        var changes = await db.PromptChanges.AsNoTracking().Where(c => c.PromptId == id)
            .OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        var emails = await EmailsAsync(db, changes.Select(c => c.ChangedById), cancellationToken);
        return changes.Select(c => c.ToDto(emails.GetValueOrDefault(c.ChangedById))).ToList();
    }

    /// <summary>All comments, oldest first; replies carry their parent's id.</summary>
    public async Task<IReadOnlyList<PromptCommentDto>?> GetCommentsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await db.Prompts.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return null;
        }

        var comments = await db.PromptComments.AsNoTracking().Where(c => c.PromptId == id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var emails = await EmailsAsync(db, comments.Select(c => c.AuthorId), cancellationToken);
        return comments.Select(c => c.ToDto(emails.GetValueOrDefault(c.AuthorId))).ToList();
    }

    private static async Task<Dictionary<string, string?>> EmailsAsync(
        RiskIntelDbContext db, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
    }
}
