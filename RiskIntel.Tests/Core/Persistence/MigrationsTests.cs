using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Persistence.Providers;

namespace RiskIntel.Tests.Core.Persistence;

/// <summary>
/// Each provider's migration set matches the model (no change was left without a migration) and
/// produces a script; SQL Server cannot run here, so its migrations are checked this way.
/// </summary>
public sealed class MigrationsTests
{
    public static TheoryData<string> Providers() => ["Sqlite", "SqlServer", "Npgsql"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_MatchTheModelAndScript(string provider)
    {
        using var db = Create(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes with no {provider} migration: run dotnet ef migrations add.");
        var script = db.GetService<IMigrator>().GenerateScript();
        Assert.Contains("Jobs", script, StringComparison.Ordinal);
        Assert.Contains("JobEvents", script, StringComparison.Ordinal);
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    private static RiskIntelDbContext Create(string provider) => provider switch
    {
        "SqlServer" => new SqlServerRiskIntelDbContext(new DbContextOptionsBuilder<SqlServerRiskIntelDbContext>()
            .UseSqlServer("Server=unused;Database=RiskIntel").Options),
        "Npgsql" => new NpgsqlRiskIntelDbContext(new DbContextOptionsBuilder<NpgsqlRiskIntelDbContext>()
            .UseNpgsql("Host=unused;Database=riskintel").Options),
        _ => new SqliteRiskIntelDbContext(new DbContextOptionsBuilder<SqliteRiskIntelDbContext>()
            .UseSqlite("Data Source=:memory:").Options),
    };
}
