using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>
/// Degraded, not unhealthy, without Redis: the node still runs and serves its own jobs (see
/// <see cref="RedisJobStatusRelay"/>), so a load balancer should keep sending it traffic.
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    private const string Unreachable = "Redis is unreachable: this node serves its own jobs and catches up when Redis returns.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Degraded(Unreachable);
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0} ms.");
        }
        catch (RedisException ex)
        {
            return HealthCheckResult.Degraded(Unreachable, ex);
        }
    }
}
