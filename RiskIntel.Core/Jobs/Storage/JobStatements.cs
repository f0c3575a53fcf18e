using System.Data;
using System.Data.Common;
using RiskIntel.Core.Jobs.Notifications.Webhooks;

namespace RiskIntel.Core.Jobs.Storage;

/// <summary>
/// The writer's statements, prepared once on its connection and reused with new values: the database parses and
/// plans each only once per connection. Column names and stored forms are those of the EF model (enums as names).
/// </summary>
internal sealed class JobStatements : IAsyncDisposable
{
    private readonly JobSqlDialect _sql;
    private readonly string? _node;
    private readonly DbCommand _insertJob;
    private readonly DbCommand _insertEvent;
    private readonly DbCommand _insertDelivery;
    private readonly DbCommand _claim;
    private readonly DbCommand _save;

    public JobStatements(DbConnection connection, JobSqlDialect sql, string? node)
    {
        _sql = sql;
        _node = node;
        // An identical submission still in flight (without an Idempotency-Key) or a key already taken stops the insert;
        // the check is in the statement, so it is atomic with it. "x || ''" keeps a column out of index choice: on
        // (CreatedById, IdempotencyKey) "IS NULL" would match every unkeyed job of the user, and the claim below would
        // otherwise walk every PENDING row through the status index instead of seeking the ids.
        _insertJob = Command(connection,
            $"INSERT INTO \"Jobs\" ({Job.Columns}) SELECT @Id, @Type, @Status, @Input, @Result, @Error, @Attempts, @MaxAttempts, " +
            "@Progress, @ProgressMessage, @CreatedById, @CreatedAt, @StartedAt, @CompletedAt, @UpdatedAt, @NextAttemptAt, " +
            "@IdempotencyKey, @RequestHash, @CallbackUrl, @CancelRequested, @LeaseOwner, @LeaseExpiresAt, @Version, @TraceParent " +
            "WHERE @IdempotencyKey IS NOT NULL OR NOT EXISTS (SELECT 1 FROM \"Jobs\" WHERE \"CreatedById\" = @CreatedById " +
            "AND \"RequestHash\" = @RequestHash AND (\"IdempotencyKey\" || '') IS NULL AND \"Status\" IN ('Pending', 'Processing')) " +
            "ON CONFLICT DO NOTHING",
            ("Id", sql.IdType), ("Type", DbType.String), ("Status", DbType.String), ("Input", DbType.String), ("Result", DbType.String),
            ("Error", DbType.String), ("Attempts", DbType.Int32), ("MaxAttempts", DbType.Int32), ("Progress", DbType.Int32),
            ("ProgressMessage", DbType.String), ("CreatedById", DbType.String), ("CreatedAt", DbType.DateTime), ("StartedAt", DbType.DateTime),
            ("CompletedAt", DbType.DateTime), ("UpdatedAt", DbType.DateTime), ("NextAttemptAt", DbType.DateTime), ("IdempotencyKey", DbType.String),
            ("RequestHash", DbType.String), ("CallbackUrl", DbType.String), ("CancelRequested", DbType.Boolean), ("LeaseOwner", DbType.String),
            ("LeaseExpiresAt", DbType.DateTime), ("Version", DbType.Int32), ("TraceParent", DbType.String));
        _insertEvent = Command(connection,
            "INSERT INTO \"JobEvents\" (\"JobId\", \"From\", \"To\", \"At\", \"Message\", \"Node\") VALUES (@JobId, @From, @To, @At, @Message, @Node)",
            ("JobId", sql.IdType), ("From", DbType.String), ("To", DbType.String), ("At", DbType.DateTime), ("Message", DbType.String),
            ("Node", DbType.String));
        _insertDelivery = Command(connection,
            "INSERT INTO \"WebhookDeliveries\" (\"Id\", \"JobId\", \"Url\", \"Status\", \"AttemptCount\", \"CreatedAt\", \"NextAttemptAt\") " +
            "VALUES (@Id, @JobId, @Url, @Status, @AttemptCount, @CreatedAt, @NextAttemptAt)",
            ("Id", sql.IdType), ("JobId", sql.IdType), ("Url", DbType.String), ("Status", DbType.String), ("AttemptCount", DbType.Int32),
            ("CreatedAt", DbType.DateTime), ("NextAttemptAt", DbType.DateTime));
        // Start(), done in SQL so that the claim and the load are one statement for every due job of the batch.
        _claim = Command(connection,
            "UPDATE \"Jobs\" SET \"Status\" = 'Processing', \"Attempts\" = \"Attempts\" + 1, \"StartedAt\" = @now, \"NextAttemptAt\" = NULL, " +
            "\"LeaseOwner\" = @owner, \"LeaseExpiresAt\" = @expires, \"Progress\" = 0, \"ProgressMessage\" = NULL, \"UpdatedAt\" = @now, " +
            $"\"Version\" = \"Version\" + 1 WHERE {sql.IdInList} AND (\"Status\" || '') = 'Pending' " +
            $"AND (\"NextAttemptAt\" IS NULL OR \"NextAttemptAt\" <= @now) RETURNING {Job.Columns}",
            ("now", DbType.DateTime), ("owner", DbType.String), ("expires", DbType.DateTime), ("ids", null));
        // CancelRequested is left alone: a cancel request on another connection does not bump the version.
        _save = Command(connection,
            "UPDATE \"Jobs\" SET \"Status\" = @Status, \"Result\" = @Result, \"Error\" = @Error, \"Attempts\" = @Attempts, " +
            "\"Progress\" = @Progress, \"ProgressMessage\" = @ProgressMessage, \"StartedAt\" = @StartedAt, \"CompletedAt\" = @CompletedAt, " +
            "\"UpdatedAt\" = @UpdatedAt, \"NextAttemptAt\" = @NextAttemptAt, \"LeaseOwner\" = @LeaseOwner, " +
            "\"LeaseExpiresAt\" = @LeaseExpiresAt, \"Version\" = @Version WHERE \"Id\" = @Id AND \"Version\" = @Expected",
            ("Status", DbType.String), ("Result", DbType.String), ("Error", DbType.String), ("Attempts", DbType.Int32),
            ("Progress", DbType.Int32), ("ProgressMessage", DbType.String), ("StartedAt", DbType.DateTime), ("CompletedAt", DbType.DateTime),
            ("UpdatedAt", DbType.DateTime), ("NextAttemptAt", DbType.DateTime), ("LeaseOwner", DbType.String),
            ("LeaseExpiresAt", DbType.DateTime), ("Version", DbType.Int32), ("Id", sql.IdType), ("Expected", DbType.Int32));
    }

    /// <summary>Statements run in the current batch; the writer counts them.</summary>
    public int Executed { get; set; }

    public void Enlist(DbTransaction? transaction)
    {
        foreach (var command in new[] { _insertJob, _insertEvent, _insertDelivery, _claim, _save })
        {
            command.Transaction = transaction;
        }
    }

    public async Task<bool> InsertJobAsync(Job job, CancellationToken cancellationToken)
    {
        Bind(_insertJob, _sql.Id(job.Id), job.Type.ToString(), job.Status.ToString(), job.Input, job.Result, job.Error, job.Attempts,
            job.MaxAttempts, job.Progress, job.ProgressMessage, job.CreatedById, job.CreatedAt, job.StartedAt, job.CompletedAt, job.UpdatedAt,
            job.NextAttemptAt, job.IdempotencyKey, job.RequestHash, job.CallbackUrl, job.CancelRequested, job.LeaseOwner, job.LeaseExpiresAt,
            job.Version, job.TraceParent);
        return await ExecuteAsync(_insertJob, cancellationToken) == 1 && await InsertAddedAsync(job, cancellationToken);
    }

    public async Task<bool> SaveAsync(Job job, int expectedVersion, CancellationToken cancellationToken)
    {
        Bind(_save, job.Status.ToString(), job.Result, job.Error, job.Attempts, job.Progress, job.ProgressMessage, job.StartedAt,
            job.CompletedAt, job.UpdatedAt, job.NextAttemptAt, job.LeaseOwner, job.LeaseExpiresAt, job.Version, _sql.Id(job.Id), expectedVersion);
        return await ExecuteAsync(_save, cancellationToken) == 1 && await InsertAddedAsync(job, cancellationToken);
    }

    public async Task<List<Job>> ClaimAsync(IReadOnlyCollection<Guid> ids, string owner, DateTime now, DateTime expires, CancellationToken cancellationToken)
    {
        Bind(_claim, now, owner, expires, _sql.IdList(ids));
        var claimed = new List<Job>(ids.Count);
        Executed++;
        await using (var reader = await _claim.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(Job.Restore(reader));
            }
        }

        foreach (var job in claimed)
        {
            job.RecordClaim(now);
            await InsertAddedAsync(job, cancellationToken);
        }

        return claimed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _insertJob, _insertEvent, _insertDelivery, _claim, _save })
        {
            await command.DisposeAsync();
        }
    }

    private async Task<bool> InsertAddedAsync(Job job, CancellationToken cancellationToken)
    {
        foreach (var added in job.Events)
        {
            Bind(_insertEvent, _sql.Id(added.JobId), added.From?.ToString(), added.To.ToString(), added.At, added.Message, added.Node ?? _node);
            await ExecuteAsync(_insertEvent, cancellationToken);
        }

        foreach (var delivery in job.WebhookDeliveries)
        {
            Bind(_insertDelivery, _sql.Id(delivery.Id), _sql.Id(delivery.JobId), delivery.Url, nameof(WebhookDeliveryStatus.Pending),
                delivery.AttemptCount, delivery.CreatedAt, delivery.NextAttemptAt);
            await ExecuteAsync(_insertDelivery, cancellationToken);
        }

        return true;
    }

    private Task<int> ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        Executed++;
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, DbType? Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            if (type is { } dbType)
            {
                parameter.DbType = dbType;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }
}
