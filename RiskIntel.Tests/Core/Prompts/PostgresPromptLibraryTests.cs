using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using RiskIntel.Core.Prompts;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Prompts;

/// <summary>The prompt library on PostgreSQL: tags as text[], case-insensitive search, the filtered one-active index.</summary>
public sealed class PostgresPromptLibraryTests
{
    [PostgresFact]
    public async Task Library_OnPostgres_SeedsFiltersByTagAndSearchAndSwapsTheActivePrompt()
    {
        using var database = new PostgresTestDatabase();
        var db = database.CreateFactory();
        await new PromptSeeder(db, TimeProvider.System, NullLogger<PromptSeeder>.Instance).StartAsync(default);
        var prompts = new PromptService(db, TimeProvider.System, NullLogger<PromptService>.Instance);
        var queries = new PromptQueries(db);
        var created = await prompts.CreateAsync(new PromptDraft("Zephyr Stress", "RISK_ANALYSIS", "", "Rate ZEPHYR exposure", ["climate"]), "admin", default);

        var byTag = await queries.ListAsync(new PromptListQuery(Tag: "climate"), default);
        var bySearch = await queries.ListAsync(new PromptListQuery(Search: "zephyr"), default);
        await Assert.ThrowsAsync<PromptActivationConflictException>(() => prompts.SetActiveAsync(created.Id, true, false, "admin", default));
        await prompts.SetActiveAsync(created.Id, true, true, "admin", default);

        Assert.Equal(created.Id, Assert.Single(byTag.Items).Id);
        Assert.Equal(created.Id, Assert.Single(bySearch.Items).Id);
        await using var context = db.CreateDbContext();
        var active = await context.Prompts.Where(p => p.Section == PromptSection.RiskAnalysis && p.IsActive).ToListAsync();
        Assert.Equal(created.Id, Assert.Single(active).Id);
    }
}
