using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Storage;

/// <summary>Picks the job store for the configured database: the SQL store where it speaks the dialect, EF Core elsewhere.</summary>
internal static class JobStores
{
    public static IJobStore Create(IDbContextFactory<RiskIntelDbContext> dbFactory, TimeProvider time, ILogger logger, string? node = null)
    {
        using var db = dbFactory.CreateDbContext();
        var connectionString = db.Database.GetConnectionString();
        if (db.Database.IsSqlite() && connectionString is not null && new SqliteConnectionStringBuilder(connectionString).DataSource != ":memory:")
        {
            return new SqlJobStore(new SqliteJobSqlDialect(connectionString), time, logger, node);
        }

        if (db.Database.IsNpgsql() && connectionString is not null)
        {
            // The writer's statements are the same few, over and over: let Npgsql prepare them on the server.
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 16, AutoPrepareMinUsages = 2 };
            return new SqlJobStore(new NpgsqlJobSqlDialect(NpgsqlDataSource.Create(builder.ConnectionString)), time, logger, node);
        }

        return new EfJobStore(dbFactory, time);
    }
}
