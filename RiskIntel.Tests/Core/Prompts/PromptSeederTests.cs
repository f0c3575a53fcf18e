using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using RiskIntel.Core.Prompts;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Prompts;

public sealed class PromptSeederTests
{
    [Fact]
    public async Task Start_Twice_SeedsOneActiveDefaultPerSectionOnce()
    {
        using var database = new SqliteTestDatabase();
        var db = database.CreateFactory();
        var seeder = new PromptSeeder(db, TimeProvider.System, NullLogger<PromptSeeder>.Instance);

        await seeder.StartAsync(default);
        await seeder.StartAsync(default);

        await using var context = db.CreateDbContext();
        var prompts = await context.Prompts.ToListAsync();
        Assert.Equal(Enum.GetValues<PromptSection>().Order(), prompts.Select(p => p.Section).Order());
        Assert.All(prompts, p => Assert.True(p.IsActive && p.Version == 1));
    }

    [Fact]
    public async Task Start_SectionWhosePromptWasDeleted_IsNotReseeded()
    {
        using var database = new SqliteTestDatabase();
        var db = database.CreateFactory();
        var seeder = new PromptSeeder(db, TimeProvider.System, NullLogger<PromptSeeder>.Instance);
        await seeder.StartAsync(default);
        var parser = await new PromptQueries(db).ListAsync(new PromptListQuery(PromptSection.Parser), default);
        await new PromptService(db, TimeProvider.System, NullLogger<PromptService>.Instance).DeleteAsync(parser.Items[0].Id, "admin", default);

        await seeder.StartAsync(default);

        var after = await new PromptQueries(db).ListAsync(new PromptListQuery(PromptSection.Parser), default);
        Assert.Equal(0, after.Total);
    }
}
