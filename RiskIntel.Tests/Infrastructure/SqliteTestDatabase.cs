using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Persistence.Providers;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>A real, migrated SQLite database in a temporary file, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"riskintel-test-{Guid.NewGuid():N}.db");
        ConnectionString = $"Data Source={Path}";
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>Registers the context factory on this database, as the app does, and migrates it.</summary>
    public IDbContextFactory<RiskIntelDbContext> CreateFactory()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<SqliteRiskIntelDbContext>(o => o.UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmaInterceptor()));
        var factory = services.BuildServiceProvider().GetRequiredService<IDbContextFactory<SqliteRiskIntelDbContext>>();
        using (var db = factory.CreateDbContext())
        {
            db.Database.Migrate();
        }

        return new Adapter(factory);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private sealed class Adapter(IDbContextFactory<SqliteRiskIntelDbContext> inner) : IDbContextFactory<RiskIntelDbContext>
    {
        public RiskIntelDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
