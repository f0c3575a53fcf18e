using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RiskIntel.Core.Persistence;

/// <summary>Applies <see cref="SqliteConnectionSettings"/> to EF Core's connections (once per physical connection).</summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        SqliteConnectionSettings.Apply((SqliteConnection)connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SqliteConnectionSettings.Apply((SqliteConnection)connection);
        return Task.CompletedTask;
    }
}
