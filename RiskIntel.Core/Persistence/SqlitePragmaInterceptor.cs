using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RiskIntel.Core.Persistence;

/// <summary>
/// Per-connection SQLite settings: in WAL mode, synchronous=NORMAL commits without waiting for the disk
/// yet survives a crash of the process (SIGKILL included); only a power loss can roll back the
/// last commits. Deployments that need that too use SQL Server or PostgreSQL.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
