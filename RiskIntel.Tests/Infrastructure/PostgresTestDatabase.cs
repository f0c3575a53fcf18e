using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Persistence.Providers;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>A fresh database on the test PostgreSQL server, migrated with the Npgsql migration set; dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly string _name = $"riskintel_test_{Guid.NewGuid():N}";

    public PostgresTestDatabase()
    {
        var server = PostgresFactAttribute.ConnectionString
            ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set but the test requires PostgreSQL.");
        ServerConnectionString = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
    }

    public string ServerConnectionString { get; }

    public string ConnectionString { get; }

    public IDbContextFactory<RiskIntelDbContext> CreateFactory()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<NpgsqlRiskIntelDbContext>(o => o.UseNpgsql(ConnectionString));
        var factory = services.BuildServiceProvider().GetRequiredService<IDbContextFactory<NpgsqlRiskIntelDbContext>>();
        using (var db = factory.CreateDbContext())
        {
            db.Database.Migrate();
        }

        return new Adapter(factory);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private sealed class Adapter(IDbContextFactory<NpgsqlRiskIntelDbContext> inner) : IDbContextFactory<RiskIntelDbContext>
    {
        public RiskIntelDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
