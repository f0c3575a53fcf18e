using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace RiskIntel.Core.Jobs.Storage;

/// <summary>
/// The job store on SQLite and PostgreSQL: writes go through this node's <see cref="JobWriter"/> (group commit),
/// reads are single untracked statements on a pooled connection, read straight into the entity.
/// </summary>
internal sealed class SqlJobStore(JobSqlDialect sql, TimeProvider time, ILogger logger, string? node = null) : IJobStore, IAsyncDisposable
{
    private const string ById = $"SELECT {Job.Columns} FROM \"Jobs\" WHERE \"Id\" = @id";
    private const string ByIdAndUser = ById + " AND \"CreatedById\" = @user";
    private const string ByKey = $"SELECT {Job.Columns} FROM \"Jobs\" WHERE \"CreatedById\" = @user AND \"IdempotencyKey\" = @key";
    private const string InFlight = $"SELECT {Job.Columns} FROM \"Jobs\" WHERE \"CreatedById\" = @user AND \"RequestHash\" = @hash " +
        "AND (\"IdempotencyKey\" || '') IS NULL AND \"Status\" IN ('Pending', 'Processing') ORDER BY \"CreatedAt\" DESC LIMIT 1";

    private readonly JobWriter _writer = new(sql, time, logger, node);

    public Task<bool> InsertAsync(Job job, CancellationToken cancellationToken) => _writer.InsertAsync(job);

    public Task<Job?> ClaimAsync(Guid jobId, string leaseOwner, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        _writer.ClaimAsync(jobId, leaseOwner, leaseDuration);

    public Task<bool> SaveAsync(Job job, int expectedVersion, CancellationToken cancellationToken) => _writer.SaveAsync(job, expectedVersion);

    public Task<Job?> GetAsync(Guid jobId, string? userId, CancellationToken cancellationToken) =>
        userId is null
            ? ReadAsync(ById, cancellationToken, ("id", sql.Id(jobId), sql.IdType))
            : ReadAsync(ByIdAndUser, cancellationToken, ("id", sql.Id(jobId), sql.IdType), ("user", userId, DbType.String));

    public Task<Job?> FindEquivalentAsync(string userId, string? idempotencyKey, string requestHash, CancellationToken cancellationToken) =>
        idempotencyKey is not null
            ? ReadAsync(ByKey, cancellationToken, ("user", userId, DbType.String), ("key", idempotencyKey, DbType.String))
            : ReadAsync(InFlight, cancellationToken, ("user", userId, DbType.String), ("hash", requestHash, DbType.String));

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task<Job?> ReadAsync(string text, CancellationToken cancellationToken, params (string Name, object Value, DbType Type)[] parameters)
    {
        await using var connection = await sql.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.DbType = type;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        JobTelemetry.RecordRead();
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Job.Restore(reader) : null;
    }
}
