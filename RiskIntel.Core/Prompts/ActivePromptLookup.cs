using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Prompts;

/// <summary>
/// What the pipeline's AI steps run: the active prompt of their section, read fresh on every call so an
/// admin's edit or activation changes the next job.
/// </summary>
public sealed class ActivePromptLookup(IDbContextFactory<RiskIntelDbContext> dbFactory)
{
    /// <summary>
    /// Renders the active prompt of <paramref name="section"/> with <paramref name="variables"/>.
    /// Throws <see cref="InputValidationException"/> for a placeholder without a value and
    /// <see cref="ResourceNotFoundException"/> when the section has no active prompt.
    /// </summary>
    public async Task<RenderedPrompt> GetActiveAsync(
        PromptSection section, IReadOnlyDictionary<string, JsonElement> variables, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var prompt = await db.Prompts.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Section == section && p.IsActive && !p.IsDeleted, cancellationToken)
            ?? throw new ResourceNotFoundException($"No active {section.ToApiName()} prompt; activate one in the prompt studio.");
        return new RenderedPrompt(
            prompt.Id,
            prompt.Version,
            prompt.Name,
            PromptTemplate.Render(prompt.SystemPrompt, variables),
            PromptTemplate.Render(prompt.UserPromptTemplate, variables));
    }
}
