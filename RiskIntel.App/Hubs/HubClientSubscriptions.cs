using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Jobs.Notifications;
using StackExchange.Redis;

namespace RiskIntel.App.Hubs;

/// <summary>
/// The narrowed subscriptions of a hub client that names itself with <c>?client=&lt;key&gt;</c>, kept per user and key
/// for <see cref="Retention"/> after the last change or disconnect, so that a reconnect (which SignalR gives a
/// new connection id) gets them back. Kept in this node's memory and, scaled out, in Redis too, so a reconnect
/// that lands on another node (its node died) finds them as well; without Redis, memory alone answers.
/// </summary>
public sealed partial class HubClientSubscriptions(
    IMemoryCache memory, IOptions<RedisOptions> options, ILogger<HubClientSubscriptions> logger, IConnectionMultiplexer? redis = null)
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(15);

    public async Task<IReadOnlyCollection<Guid>> GetAsync(string userId, string clientKey)
    {
        var key = Key(userId, clientKey);
        if (redis?.IsConnected == true)
        {
            try
            {
                var stored = await redis.GetDatabase().StringGetAsync(key);
                if (!stored.IsNullOrEmpty)
                {
                    return [.. stored.ToString().Split(',').Select(Guid.Parse)];
                }
            }
            catch (RedisException ex)
            {
                Log.RedisFailed(logger, ex);
            }
        }

        return memory.TryGetValue(key, out Guid[]? jobIds) ? jobIds! : [];
    }

    public async Task SaveAsync(string userId, string clientKey, IReadOnlyCollection<Guid> jobIds)
    {
        var key = Key(userId, clientKey);
        if (jobIds.Count == 0)
        {
            memory.Remove(key);
        }
        else
        {
            memory.Set(key, jobIds.ToArray(), Retention);
        }

        if (redis?.IsConnected != true)
        {
            return;
        }

        try
        {
            var db = redis.GetDatabase();
            _ = jobIds.Count == 0
                ? await db.KeyDeleteAsync(key)
                : await db.StringSetAsync(key, string.Join(',', jobIds.Select(id => id.ToString("N"))), Retention);
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
