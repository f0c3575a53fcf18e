using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RiskIntel.Core.Persistence.Providers;

// Used only by `dotnet ef migrations add`; connection strings are placeholders that are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRiskIntelDbContext>
{
    public SqliteRiskIntelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRiskIntelDbContext>()
            .UseSqlite(DatabaseOptions.DefaultSqliteConnectionString).Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRiskIntelDbContext>
{
    public SqlServerRiskIntelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerRiskIntelDbContext>()
            .UseSqlServer("Server=localhost;Database=RiskIntel;Trusted_Connection=True").Options);
}

internal sealed class NpgsqlDesignTimeFactory : IDesignTimeDbContextFactory<NpgsqlRiskIntelDbContext>
{
    public NpgsqlRiskIntelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NpgsqlRiskIntelDbContext>()
            .UseNpgsql("Host=localhost;Database=riskintel").Options);
}
