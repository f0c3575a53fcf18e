using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace RiskIntel.Core.Persistence;

/// <summary>
/// Per-connection SQLite settings, applied once per physical connection (a pooled connection keeps them):
/// in WAL mode, synchronous=NORMAL commits without waiting for the disk yet survives a crash of the process
/// (SIGKILL included); only a power loss can roll back the last commits. busy_timeout makes a writer that
/// meets another wait inside SQLite in short steps instead of failing or sleeping 150 ms in the driver.
/// </summary>
internal static class SqliteConnectionSettings
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
    private static readonly ConditionalWeakTable<sqlite3, object> Applied = [];

    public static void Apply(SqliteConnection connection)
    {
        if (connection.Handle is not { } handle || Applied.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(handle, Pragmas);
    }
}
