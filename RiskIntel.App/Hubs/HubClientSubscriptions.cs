using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Jobs.Notifications;
using StackExchange.Redis;

namespace RiskIntel.App.Hubs;

/// <summary>
/// What a hub client that names itself with <c>?client=&lt;key&gt;</c> had when it went away: its narrowed
/// subscriptions and when its connection began, kept per user and key for <see cref="Retention"/> after the last
/// write (connect, subscribe, unsubscribe, disconnect),
/// so that a reconnect (which SignalR gives a new connection id) gets them back. Kept in this node's memory and,
/// scaled out, in Redis too, so a reconnect that lands on another node (its node died) finds them as well;
/// without Redis, memory alone answers.
/// </summary>
public sealed partial class HubClientSubscriptions(
    IMemoryCache memory, IOptions<RedisOptions> options, ILogger<HubClientSubscriptions> logger, IConnectionMultiplexer? redis = null)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    public async Task<HubClientState?> GetAsync(string userId, string clientKey)
    {
        var key = Key(userId, clientKey);
        if (redis?.IsConnected == true)
        {
            try
            {
                var stored = await redis.GetDatabase().StringGetAsync(key);
                if (!stored.IsNullOrEmpty)
                {
                    return JsonSerializer.Deserialize<HubClientState>(stored.ToString());
                }
            }
            catch (RedisException ex)
            {
                Log.RedisFailed(logger, ex);
            }
        }

        return memory.TryGetValue(key, out HubClientState? state) ? state : null;
    }

    public async Task SaveAsync(string userId, string clientKey, HubClientState state)
    {
        var key = Key(userId, clientKey);
        memory.Set(key, state, Retention);
        if (redis?.IsConnected != true)
        {
            return;
        }

        try
        {
            await redis.GetDatabase().StringSetAsync(key, JsonSerializer.Serialize(state), Retention);
        }
        catch (RedisException ex)
        {
            Log.RedisFailed(logger, ex);
        }
    }

    private string Key(string userId, string clientKey) => $"{options.Value.ChannelPrefix}:hub-client:{userId}:{clientKey}";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Hub client subscriptions fall back to this node's memory: Redis failed")]
        public static partial void RedisFailed(ILogger logger, Exception exception);
    }
}

/// <summary>
/// A keyed hub client's narrowed subscriptions (none: all own jobs) and when its connection began: it may have missed
/// changes since then, as a dropped connection is often noticed by the server only after the changes sent to it.
/// </summary>
public sealed record HubClientState(IReadOnlyCollection<Guid> JobIds, DateTime ConnectedAt);
