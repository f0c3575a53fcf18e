using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RiskIntel.Benchmarks.Engine;

/// <summary>
/// The database's physical limit on these settings: single-row INSERTs, each its own durable commit, on 1 and
/// on 8 connections at once, for a fixed time. An engine that needs c commits per job cannot exceed rate ÷ c jobs/s.
/// </summary>
internal static class CommitLimit
{
    public static async Task<double> MeasureAsync(Database database, int connections, TimeSpan duration)
    {
        await using (var setup = await OpenAsync(database))
        {
            await ExecuteAsync(setup, "CREATE TABLE commit_probe (id INTEGER NOT NULL, payload TEXT NOT NULL)");
        }

        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            await using var connection = await OpenAsync(database);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO commit_probe (id, payload) VALUES (@id, 'a row of about the size of a job event')";
            var id = insert.CreateParameter();
            id.ParameterName = "@id";
            insert.Parameters.Add(id);
            var n = 0;
            while (Stopwatch.GetTimestamp() < stop)
            {
                id.Value = n++;
                await insert.ExecuteNonQueryAsync();
            }

            return n;
        })));
        return counts.Sum() / duration.TotalSeconds;
    }

    private static async Task<DbConnection> OpenAsync(Database database)
    {
        DbConnection connection = database.IsPostgres ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        if (!database.IsPostgres)
        {
            await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        }

        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
