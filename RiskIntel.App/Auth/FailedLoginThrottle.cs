using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RiskIntel.App.Auth;

/// <summary>
/// Limits failed sign-ins per client address (successful ones cost nothing), on top of Identity's
/// per-account lockout, so password guessing across many accounts is slowed down too.
/// </summary>
public sealed class FailedLoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedLoginThrottle(IOptions<AuthOptions> options)
    {
        var perMinute = options.Value.Local.FailedLoginsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
    }

    public static TimeSpan RetryAfter { get; } = TimeSpan.FromMinutes(1);

    public bool IsBlocked(string address) => _limiter.GetStatistics(address)?.CurrentAvailablePermits == 0;

    public void RecordFailure(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
    }

    public void Dispose() => _limiter.Dispose();
}
