using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>
/// The in-process job-status feed. Blazor components and SSE streams subscribe per user or per job; each
/// subscription has its own bounded queue (<see cref="SubscriberQueueCapacity"/> changes) and pump, so a slow or
/// failing subscriber never blocks the publisher or the other subscribers, sees changes in commit order, and costs
/// bounded memory. Drop policy: a subscriber that falls behind loses intermediate changes (progress, retries),
/// never a terminal one; once it has caught up it receives the current row of each job it lost a change of
/// (<see cref="JobStatusChanged.IsResync"/>), so it always ends on the job's real state.
/// </summary>
public sealed partial class JobStatusFeed(ILogger<JobStatusFeed> logger, IJobSnapshotReader? rows = null) : IJobStatusNotifier
{
    /// <summary>Changes one subscriber may have waiting before the drop policy applies.</summary>
    public const int SubscriberQueueCapacity = 256;

    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();
    private readonly ILogger _logger = logger;
    private readonly IJobSnapshotReader? _rows = rows;

    public int SubscriberCount => _subscriptions.Count;

    public IDisposable SubscribeUser(string userId, Func<JobStatusChanged, Task> onChange) =>
        Add(change => change.Job.CreatedById == userId, onChange);

    public IDisposable SubscribeJob(Guid jobId, Func<JobStatusChanged, Task> onChange) =>
        Add(change => change.Job.Id == jobId, onChange);

    /// <summary>Every change of every user: for admin views.</summary>
    public IDisposable SubscribeAll(Func<JobStatusChanged, Task> onChange) => Add(_ => true, onChange);

    public ValueTask PublishAsync(JobStatusChanged change, CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Offer(change);
        }

        return ValueTask.CompletedTask;
    }

    private Subscription Add(Func<JobStatusChanged, bool> filter, Func<JobStatusChanged, Task> onChange)
    {
        var subscription = new Subscription(this, filter, onChange);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    private sealed class Subscription : IDisposable
    {
        private readonly JobStatusFeed _feed;
        private readonly Func<JobStatusChanged, bool> _filter;
        private readonly Func<JobStatusChanged, Task> _onChange;
        private readonly SubscriberQueue _queue = new(SubscriberQueueCapacity);

        // Rung after each enqueue; the pump drains the queue, so one pending ring is enough.
        private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

        private int _behind;

        public Subscription(JobStatusFeed feed, Func<JobStatusChanged, bool> filter, Func<JobStatusChanged, Task> onChange)
        {
            _feed = feed;
            _filter = filter;
            _onChange = onChange;
            _ = Task.Run(PumpAsync);
        }

        public void Offer(JobStatusChanged change)
        {
            if (!_filter(change))
            {
                return;
            }

            if (!_queue.Enqueue(change) && Interlocked.Exchange(ref _behind, 1) == 0)
            {
                Log.SubscriberBehind(_feed._logger, SubscriberQueueCapacity);
            }

            _doorbell.Writer.TryWrite(true);
        }

        public void Dispose()
        {
            _feed._subscriptions.TryRemove(this, out _);
            _doorbell.Writer.TryComplete();
        }

        private async Task PumpAsync()
        {
            while (await _doorbell.Reader.WaitToReadAsync())
            {
                _doorbell.Reader.TryRead(out _);
                while (_queue.TryDequeue(out var change))
                {
                    await DeliverAsync(change);
                }

                Volatile.Write(ref _behind, 0);
                foreach (var jobId in _queue.TakeMissed())
                {
                    await ResyncAsync(jobId);
                }
            }
        }

        private async Task ResyncAsync(Guid jobId)
        {
            try
            {
                if (_feed._rows is not null && await _feed._rows.ReadAsync(jobId, CancellationToken.None) is { } row)
                {
                    var current = new JobStatusChanged(row, null) { IsResync = true };
                    if (_filter(current))
                    {
                        await DeliverAsync(current);
                    }
                }
            }
            catch (Exception ex)
            {
                Log.ResyncFailed(_feed._logger, ex, jobId);
            }
        }

        private async Task DeliverAsync(JobStatusChanged change)
        {
            try
            {
                await _onChange(change);
            }
            catch (Exception ex)
            {
                Log.SubscriberFailed(_feed._logger, ex, change.Job.Id);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A job-status subscriber failed on job {JobId}")]
        public static partial void SubscriberFailed(ILogger logger, Exception exception, Guid jobId);

        [LoggerMessage(Level = LogLevel.Information,
            Message = "A job-status subscriber fell {Capacity} changes behind; its intermediate changes are dropped until it catches up")]
        public static partial void SubscriberBehind(ILogger logger, int capacity);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-read job {JobId} for a subscriber that fell behind")]
        public static partial void ResyncFailed(ILogger logger, Exception exception, Guid jobId);
    }
}
