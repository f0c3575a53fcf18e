using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RiskIntel.App.Auth;

/// <summary>
/// Limits failed sign-ins per (client address, account) with a sliding window; successful ones cost nothing.
/// One address guessing one account is slowed down, while the same address (a shared proxy, an office) can still
/// sign in to every other account, and the owner of the guessed account can from anywhere else. Identity's lockout
/// is the backstop for guesses spread over many addresses.
/// </summary>
public sealed class FailedLoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<SignInAttempt> _limiter;

    public FailedLoginThrottle(IOptions<AuthOptions> options)
    {
        var local = options.Value.Local;
        RetryAfter = local.FailedSignInWindow;
        _limiter = PartitionedRateLimiter.Create<SignInAttempt, SignInAttempt>(attempt => RateLimitPartition.GetSlidingWindowLimiter(
            attempt, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = local.FailedSignInsPerAccountAndAddress,
                Window = local.FailedSignInWindow,
                SegmentsPerWindow = 5,
                QueueLimit = 0,
            }));
    }

    public TimeSpan RetryAfter { get; }

    public bool IsBlocked(SignInAttempt attempt) => _limiter.GetStatistics(attempt)?.CurrentAvailablePermits == 0;

    public void RecordFailure(SignInAttempt attempt)
    {
        using var lease = _limiter.AttemptAcquire(attempt);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Who tried which account: the client address (after trusted proxies) and the normalised email.</summary>
public readonly record struct SignInAttempt(string Address, string Account)
{
    public static SignInAttempt Of(HttpContext http, string email) =>
        new(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", email.Trim().ToUpperInvariant());
}
