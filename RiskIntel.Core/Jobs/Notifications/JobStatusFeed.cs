using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>
/// The in-process job-status feed. Blazor components and SSE streams subscribe per user or per job; each
/// subscription has its own queue and pump, so a slow or failing subscriber never blocks the publisher
/// or the other subscribers, and sees changes in commit order.
/// </summary>
public sealed partial class JobStatusFeed(ILogger<JobStatusFeed> logger) : IJobStatusNotifier
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();
    private readonly ILogger _logger = logger;

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
        private readonly Channel<JobStatusChanged> _queue =
            Channel.CreateUnbounded<JobStatusChanged>(new UnboundedChannelOptions { SingleReader = true });

        public Subscription(JobStatusFeed feed, Func<JobStatusChanged, bool> filter, Func<JobStatusChanged, Task> onChange)
        {
            _feed = feed;
            _filter = filter;
            _onChange = onChange;
            _ = Task.Run(PumpAsync);
        }

        public void Offer(JobStatusChanged change)
        {
            if (_filter(change))
            {
                _queue.Writer.TryWrite(change);
            }
        }

        public void Dispose()
        {
            _feed._subscriptions.TryRemove(this, out _);
            _queue.Writer.TryComplete();
        }

        private async Task PumpAsync()
        {
            await foreach (var change in _queue.Reader.ReadAllAsync())
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
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A job-status subscriber failed on job {JobId}")]
        public static partial void SubscriberFailed(ILogger logger, Exception exception, Guid jobId);
    }
}
