using Microsoft.Data.Sqlite;
using Npgsql;

namespace RiskIntel.Benchmarks.Engine;

/// <summary>A fresh database for one run: a SQLite file in WAL mode, or a new PostgreSQL database on the local server.</summary>
internal sealed class Database : IAsyncDisposable
{
    private Database(string kind, string connectionString, string? pgName, string? serverConnectionString)
    {
        Kind = kind;
        ConnectionString = connectionString;
        PgName = pgName;
        ServerConnectionString = serverConnectionString;
    }

    public string Kind { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => PgName is not null;

    public string? PgName { get; }

    private string? ServerConnectionString { get; }

    public string SqlitePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("RISKINTEL_BENCH_POSTGRES")
        ?? Environment.GetEnvironmentVariable("RISKINTEL_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Username=postgres;Password=postgres";

    public static async Task<bool> PostgresAvailableAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(PostgresServer + ";Timeout=3");
            await connection.OpenAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public static async Task<Database> CreateAsync(string kind)
    {
        if (kind == "sqlite")
        {
            var path = Path.Combine(Path.GetTempPath(), $"riskintel-engine-{Guid.NewGuid():N}.db");
            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync();
            return new Database(kind, $"Data Source={path}", null, null);
        }

        var name = $"riskintel_bench_{Guid.NewGuid():N}";
        await using (var server = new NpgsqlConnection(PostgresServer))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        return new Database(kind, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, MaxPoolSize = 50 }.ConnectionString, name, PostgresServer);
    }

    /// <summary>Transactions committed in this database so far (PostgreSQL's own count; null on SQLite).</summary>
    public async Task<long?> CommitsAsync()
    {
        if (!IsPostgres)
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_stat_force_next_flush(); SELECT xact_commit FROM pg_stat_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", PgName!);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        return await reader.ReadAsync() ? reader.GetInt64(0) : null;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (IsPostgres)
        {
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PgName}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
            return;
        }

        foreach (var file in new[] { SqlitePath, SqlitePath + "-wal", SqlitePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
