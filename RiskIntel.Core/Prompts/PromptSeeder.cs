using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Prompts;

/// <summary>
/// Gives each section an active default prompt on a new installation. A section that has ever had a prompt
/// (even a deleted one) is left alone, so the seeder is idempotent and never undoes an admin's choice.
/// </summary>
internal sealed partial class PromptSeeder(
    IDbContextFactory<RiskIntelDbContext> dbFactory, TimeProvider time, ILogger<PromptSeeder> logger) : IHostedService
{
    public const string SystemUserId = "system";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var seeded = await db.Prompts.Select(p => p.Section).Distinct().ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var content in DefaultPrompts.All.Where(d => !seeded.Contains(d.Section)))
        {
            var (prompt, change) = Prompt.Create(content, SystemUserId, now);
            db.Prompts.Add(prompt);
            db.PromptChanges.Add(change);
            db.PromptChanges.Add(prompt.SetActive(true, SystemUserId, now)!);
            Log.Seeded(logger, content.Section, content.Name);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the default {Section} prompt \"{Name}\"")]
        public static partial void Seeded(ILogger logger, PromptSection section, string name);
    }
}
