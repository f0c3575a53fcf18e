using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RiskIntel.Core.Persistence;

/// <summary>Creates and migrates the database before anything else starts (the embedded default).</summary>
internal sealed partial class DatabaseInitializer(
    IDbContextFactory<RiskIntelDbContext> dbFactory,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }

        await using var db = dbFactory.CreateDbContext();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while a job runner writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        Log.Migrated(logger, options.Value.Provider, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) ready; {Count} migrations applied")]
        public static partial void Migrated(ILogger logger, DatabaseProvider provider, int count);
    }
}
