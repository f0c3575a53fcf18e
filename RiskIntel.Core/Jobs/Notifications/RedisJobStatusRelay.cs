using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Jobs.Execution;
using StackExchange.Redis;

namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>
/// Carries committed job changes between nodes over a Redis channel: changes made here are published,
/// changes from other nodes are fed into this node's <see cref="JobStatusFeed"/> (marked remote), so
/// Blazor circuits, SSE streams and hub clients on every node see every job. Without Redis the node keeps
/// feeding its own changes to its own subscribers; when Redis returns, it re-reads from the database the rows
/// changed since the loss began (<see cref="RedisOptions.CatchUpMarginSeconds"/> earlier, at most
/// <see cref="RedisOptions.CatchUpLimit"/>, newest first) and feeds those it has not seen as remote changes.
/// </summary>
internal sealed partial class RedisJobStatusRelay : IJobStatusNotifier, IHostedService, IDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly JobStatusFeed _feed;
    private readonly JobSnapshots _snapshots;
    private readonly NodeIdentity _node;
    private readonly ChangedJobsQuery _changedJobs;
    private readonly TimeProvider _time;
    private readonly RedisOptions _options;
    private readonly ILogger _logger;
    private readonly RedisChannel _channel;
    private readonly KnownJobStates _known = new(capacity: 20_000);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private ChannelMessageQueue? _queue;
    private DateTime? _lostAt;

    public RedisJobStatusRelay(
        IConnectionMultiplexer redis,
        JobStatusFeed feed,
        JobSnapshots snapshots,
        NodeIdentity node,
        ChangedJobsQuery changedJobs,
        TimeProvider time,
        IOptions<RedisOptions> options,
        ILogger<RedisJobStatusRelay> logger)
    {
        _redis = redis;
        _feed = feed;
        _snapshots = snapshots;
        _node = node;
        _changedJobs = changedJobs;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _channel = RedisChannel.Literal($"{_options.ChannelPrefix}:job-status");
    }

    /// <summary>Raised after each catch-up with the number of rows fed (for tests and diagnostics).</summary>
    public event Action<int>? CaughtUp;

    /// <summary>The options the node connects with: it starts, and keeps retrying, while Redis is unreachable.</summary>
    public static ConfigurationOptions ConnectOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return options;
    }

    public async ValueTask PublishAsync(JobStatusChanged change, CancellationToken cancellationToken)
    {
        if (change.IsRemote)
        {
            return;
        }

        _known.Record(change.Job);
        if (!_redis.IsConnected)
        {
            // The other nodes read this change from the database when Redis returns.
            return;
        }

        var message = JsonSerializer.Serialize(new RelayedChange(_node.Id, change.Job, change.PreviousStatus, change.HasCallback), ApiJson.Options);
        try
        {
            await _redis.GetSubscriber().PublishAsync(_channel, message, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            Log.PublishFailed(_logger, ex, change.Job.Id);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _redis.ConnectionFailed += OnConnectionFailed;
        _redis.ConnectionRestored += OnConnectionRestored;
        if (_redis.IsConnected)
        {
            await SubscribeAsync();
        }
        else
        {
            MarkLost();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _redis.ConnectionFailed -= OnConnectionFailed;
        _redis.ConnectionRestored -= OnConnectionRestored;
        await _stopping.CancelAsync();
        if (_queue is not null && _redis.IsConnected)
        {
            await _queue.UnsubscribeAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task SubscribeAsync()
    {
        if (_queue is not null)
        {
            // The multiplexer re-subscribes what it once subscribed after every reconnect.
            return;
        }

        // A message queue hands messages over one at a time, so changes keep their commit order.
        var queue = await _redis.GetSubscriber().SubscribeAsync(_channel);
        queue.OnMessage(message => ReceiveAsync(message.Message));
        _queue = queue;
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        var endPoint = e.EndPoint?.ToString();
        Log.ConnectionLost(_logger, e.Exception, endPoint, e.ConnectionType, e.FailureType);
        MarkLost();
    }

    private void MarkLost()
    {
        lock (_gate)
        {
            _lostAt ??= _time.GetUtcNow().UtcDateTime;
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        var endPoint = e.EndPoint?.ToString();
        Log.ConnectionRestored(_logger, endPoint, e.ConnectionType);
        _ = Task.Run(CatchUpAsync);
    }

    private async Task CatchUpAsync()
    {
        DateTime lostAt;
        lock (_gate)
        {
            if (_lostAt is not { } lost)
            {
                return;
            }

            lostAt = lost;
            _lostAt = null;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await SubscribeAsync();

            // The ping travels behind the re-subscription on the subscriber's connection: once it answers, every
            // change committed from now on arrives live, and the database read below covers what came before.
            await _redis.GetSubscriber().PingAsync();
            var since = lostAt - TimeSpan.FromSeconds(_options.CatchUpMarginSeconds);
            var rows = await _changedJobs.ReadAsync(since, _options.CatchUpLimit, userId: null, _stopping.Token);
            var fed = 0;
            foreach (var row in rows)
            {
                var known = _known.Get(row.Id);
                if (known?.UpdatedAt >= row.UpdatedAt)
                {
                    continue;
                }

                _known.Record(row);
                _snapshots.Invalidate(row.Id);
                await _feed.PublishAsync(new JobStatusChanged(row, known?.Status) { IsRemote = true, IsResync = true }, CancellationToken.None);
                fed++;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            Log.CaughtUp(_logger, fed, rows.Count, since, elapsed.TotalMilliseconds);
            if (rows.Count == _options.CatchUpLimit)
            {
                Log.CatchUpTruncated(_logger, _options.CatchUpLimit);
            }

            CaughtUp?.Invoke(fed);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            Log.CatchUpFailed(_logger, ex);
            lock (_gate)
            {
                // The next restore tries again from the same moment.
                _lostAt = _lostAt is { } later && later < lostAt ? later : lostAt;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReceiveAsync(RedisValue message)
    {
        try
        {
            var relayed = JsonSerializer.Deserialize<RelayedChange>(message.ToString(), ApiJson.Options);
            if (relayed is null || relayed.Node == _node.Id)
            {
                return;
            }

            _known.Record(relayed.Job);
            _snapshots.Invalidate(relayed.Job.Id);
            var change = new JobStatusChanged(relayed.Job, relayed.PreviousStatus) { HasCallback = relayed.HasCallback, IsRemote = true };
            await _feed.PublishAsync(change, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.ReceiveFailed(_logger, ex);
        }
    }

    private sealed record RelayedChange(string Node, JobDto Job, JobStatus? PreviousStatus, bool HasCallback);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A relayed job status change could not be read")]
        public static partial void ReceiveFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} was not relayed to the other nodes; they read it from the database when Redis returns")]
        public static partial void PublishFailed(ILogger logger, Exception exception, Guid jobId);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Lost Redis at {EndPoint} ({ConnectionType}, {FailureType}): this node serves its own jobs and catches up from the database when Redis returns")]
        public static partial void ConnectionLost(ILogger logger, Exception? exception, string? endPoint, ConnectionType connectionType, ConnectionFailureType failureType);

        [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {EndPoint} is back ({ConnectionType})")]
        public static partial void ConnectionRestored(ILogger logger, string? endPoint, ConnectionType connectionType);

        [LoggerMessage(Level = LogLevel.Information,
            Message = "Caught up after the Redis outage: fed {Fed} of {Read} jobs changed since {Since:o} in {ElapsedMs:0} ms")]
        public static partial void CaughtUp(ILogger logger, int fed, int read, DateTime since, double elapsedMs);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "The Redis catch-up stopped at its limit of {Limit} jobs; pages and clients re-read older changes when they reload")]
        public static partial void CatchUpTruncated(ILogger logger, int limit);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not catch up from the database after the Redis outage")]
        public static partial void CatchUpFailed(ILogger logger, Exception exception);
    }
}
