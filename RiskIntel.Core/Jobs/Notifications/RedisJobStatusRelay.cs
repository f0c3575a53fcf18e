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
/// Blazor circuits and SSE streams on every node see every job.
/// </summary>
public sealed partial class RedisJobStatusRelay(
    IConnectionMultiplexer redis,
    JobStatusFeed feed,
    JobSnapshots snapshots,
    NodeIdentity node,
    IOptions<RedisOptions> options,
    ILogger<RedisJobStatusRelay> logger) : IJobStatusNotifier, IHostedService
{
    private readonly RedisChannel _channel = RedisChannel.Literal($"{options.Value.ChannelPrefix}:job-status");

    public async ValueTask PublishAsync(JobStatusChanged change, CancellationToken cancellationToken)
    {
        if (change.IsRemote)
        {
            return;
        }

        var message = JsonSerializer.Serialize(new RelayedChange(node.Id, change.Job, change.PreviousStatus, change.HasCallback), ApiJson.Options);
        await redis.GetSubscriber().PublishAsync(_channel, message, CommandFlags.FireAndForget);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A message queue hands messages over one at a time, so changes keep their commit order.
        var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
        queue.OnMessage(message => ReceiveAsync(message.Message));
    }

    public async Task StopAsync(CancellationToken cancellationToken) =>
        await redis.GetSubscriber().UnsubscribeAsync(_channel);

    private async Task ReceiveAsync(RedisValue message)
    {
        try
        {
            var relayed = JsonSerializer.Deserialize<RelayedChange>(message.ToString(), ApiJson.Options);
            if (relayed is null || relayed.Node == node.Id)
            {
                return;
            }

            snapshots.Invalidate(relayed.Job.Id);
            var change = new JobStatusChanged(relayed.Job, relayed.PreviousStatus) { HasCallback = relayed.HasCallback, IsRemote = true };
            await feed.PublishAsync(change, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.ReceiveFailed(logger, ex);
        }
    }

    private sealed record RelayedChange(string Node, JobDto Job, JobStatus? PreviousStatus, bool HasCallback);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "A relayed job status change could not be read")]
        public static partial void ReceiveFailed(ILogger logger, Exception exception);
    }
}
