using System.Data;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Storage;

/// <summary>What differs between the databases the SQL job store speaks: connections, how ids bind, and "id in a list".</summary>
internal abstract class JobSqlDialect
{
    /// <summary>The claim's condition on a list of ids bound to <c>@ids</c>.</summary>
    public abstract string IdInList { get; }

    public abstract DbType IdType { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public abstract object Id(Guid id);

    public abstract object IdList(IReadOnlyCollection<Guid> ids);
}

internal sealed class SqliteJobSqlDialect(string connectionString) : JobSqlDialect
{
    // EF Core stores a Guid on SQLite as upper-case text; the store must compare the same text.
    public override string IdInList => "\"Id\" IN (SELECT value FROM json_each(@ids))";

    public override DbType IdType => DbType.String;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        SqliteConnectionSettings.Apply(connection);
        return connection;
    }

    public override object Id(Guid id) => id.ToString().ToUpperInvariant();

    public override object IdList(IReadOnlyCollection<Guid> ids) => JsonSerializer.Serialize(ids.Select(Id));
}

internal sealed class NpgsqlJobSqlDialect(NpgsqlDataSource dataSource) : JobSqlDialect
{
    public override string IdInList => "\"Id\" = ANY(@ids)";

    public override DbType IdType => DbType.Guid;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override object Id(Guid id) => id;

    public override object IdList(IReadOnlyCollection<Guid> ids) => ids.ToArray();
}
