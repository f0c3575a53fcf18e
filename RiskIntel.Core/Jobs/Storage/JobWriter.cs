using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RiskIntel.Core.Jobs.Storage;

/// <summary>
/// Group commit: this node's one writer of the Jobs table. Whatever inserts, claims and saves are waiting when
/// it becomes free go into one transaction on one connection (the claims of the batch in one statement), and
/// each caller's task completes only after that transaction has committed. An idle engine commits each request
/// at once; a busy one commits many per transaction, so the database sees one writer and far fewer commits.
/// When a batch fails, each of its requests is retried in a transaction of its own, so one bad request fails alone.
/// </summary>
internal sealed partial class JobWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new() { SingleReader = true });
    private readonly JobSqlDialect _sql;
    private readonly string? _node;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private DbConnection? _connection;
    private JobStatements? _statements;

    public JobWriter(JobSqlDialect sql, TimeProvider time, ILogger logger, string? node = null)
    {
        _node = node;
        _sql = sql;
        _time = time;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    public Task<bool> InsertAsync(Job job) => Enqueue(new InsertRequest(job));

    public Task<Job?> ClaimAsync(Guid jobId, string owner, TimeSpan leaseDuration) => Enqueue(new ClaimRequest(jobId, owner, leaseDuration));

    public Task<bool> SaveAsync(Job job, int expectedVersion) => Enqueue(new SaveRequest(job, expectedVersion));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await CloseAsync();
    }

    private Task<T> Enqueue<T>(WriteRequest<T> request)
    {
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(request), this);
        return request.Task;
    }

    private async Task LoopAsync()
    {
        var batch = new List<WriteRequest>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<WriteRequest> batch)
    {
        try
        {
            await CommitAsync(batch);
            batch.ForEach(r => r.Complete());
            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            Log.BatchFailed(_logger, ex, batch.Count);
        }
        catch (Exception ex)
        {
            batch[0].Fail(ex);
            return;
        }

        foreach (var request in batch)
        {
            try
            {
                await CommitAsync([request]);
                request.Complete();
            }
            catch (Exception ex)
            {
                request.Fail(ex);
            }
        }
    }

    private async Task CommitAsync(List<WriteRequest> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var statements = await StatementsAsync();
        statements.Executed = 0;
        try
        {
            await using var transaction = await _connection!.BeginTransactionAsync();
            statements.Enlist(transaction);
            foreach (var request in batch)
            {
                request.Reset();
                if (request is InsertRequest insert)
                {
                    insert.Result = await statements.InsertJobAsync(insert.Job, default);
                }
                else if (request is SaveRequest save)
                {
                    save.Result = await statements.SaveAsync(save.Job, save.ExpectedVersion, default);
                }
            }

            await ClaimAsync(statements, batch.OfType<ClaimRequest>().ToList());
            await transaction.CommitAsync();
            JobTelemetry.RecordCommit(batch.Count, statements.Executed, Stopwatch.GetElapsedTime(started));
        }
        catch
        {
            // The connection may be broken or half-way through a statement: start the next batch on a fresh one.
            await CloseAsync();
            throw;
        }
        finally
        {
            _statements?.Enlist(null);
        }
    }

    private async Task ClaimAsync(JobStatements statements, List<ClaimRequest> claims)
    {
        if (claims.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var group in claims.GroupBy(c => (c.Owner, c.LeaseDuration)))
        {
            var ids = group.Select(c => c.JobId).Distinct().ToList();
            var claimed = (await statements.ClaimAsync(ids, group.Key.Owner, now, now + group.Key.LeaseDuration, default)).ToDictionary(j => j.Id);
            foreach (var claim in group)
            {
                // A job triggered twice in one batch is claimed once: the first request gets it.
                claim.Result = claimed.Remove(claim.JobId, out var job) ? job : null;
            }
        }
    }

    private async ValueTask<JobStatements> StatementsAsync()
    {
        if (_statements is null)
        {
            _connection = await _sql.OpenAsync(default);
            _statements = new JobStatements(_connection, _sql, _node);
        }

        return _statements;
    }

    private async Task CloseAsync()
    {
        if (_statements is not null)
        {
            await _statements.DisposeAsync();
            _statements = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private abstract class WriteRequest
    {
        public abstract void Reset();

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private abstract class WriteRequest<T> : WriteRequest
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Task => _done.Task;

        public T Result { get; set; } = default!;

        public override void Reset() => Result = default!;

        public override void Complete()
        {
            Accept();
            _done.TrySetResult(Result);
        }

        public override void Fail(Exception exception) => _done.TrySetException(exception);

        protected virtual void Accept()
        {
        }
    }

    private sealed class InsertRequest(Job job) : WriteRequest<bool>
    {
        public Job Job { get; } = job;

        protected override void Accept() => Job.AcceptChanges();
    }

    private sealed class SaveRequest(Job job, int expectedVersion) : WriteRequest<bool>
    {
        public Job Job { get; } = job;

        public int ExpectedVersion { get; } = expectedVersion;

        protected override void Accept()
        {
            if (Result)
            {
                Job.AcceptChanges();
            }
        }
    }

    private sealed class ClaimRequest(Guid jobId, string owner, TimeSpan leaseDuration) : WriteRequest<Job?>
    {
        public Guid JobId { get; } = jobId;

        public string Owner { get; } = owner;

        public TimeSpan LeaseDuration { get; } = leaseDuration;

        protected override void Accept() => Result?.AcceptChanges();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} job writes failed; each is retried on its own")]
        public static partial void BatchFailed(ILogger logger, Exception exception, int count);
    }
}
