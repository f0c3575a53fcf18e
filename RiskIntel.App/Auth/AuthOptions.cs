using System.ComponentModel.DataAnnotations;

namespace RiskIntel.App.Auth;

public enum AuthMode
{
    Local,
    EntraId,
}

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public AuthMode Mode { get; set; } = AuthMode.Local;

    public LocalAuthOptions Local { get; set; } = new();
}

/// <summary>Local accounts (<c>Auth:Local:*</c>): the seeded admin, sign-in limits and session lifetimes (README, "Security").</summary>
public sealed class LocalAuthOptions
{
    [EmailAddress]
    public string? AdminEmail { get; set; } = "admin@riskintel.local";

    public string? AdminPassword { get; set; }

    /// <summary>Failed sign-ins one client address may make for one account per <see cref="FailedSignInWindow"/> before it gets 429.</summary>
    [Range(1, 10_000)]
    public int FailedSignInsPerAccountAndAddress { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan FailedSignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sign-in and refresh requests one client address may make per minute, right or wrong (bounds password-hashing work).</summary>
    [Range(1, 1_000_000)]
    public int SignInRequestsPerMinute { get; set; } = 60;

    /// <summary>Failed sign-ins of an account, from anywhere, that lock it for <see cref="LockoutDuration"/>.</summary>
    [Range(1, 1_000)]
    public int LockoutFailures { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a refresh token stays usable; each use rotates it and starts its lifetime again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How soon a revoked session (password, role, lockout, disable, delete) stops access tokens and cookies: the
    /// security stamp is checked again at most this long after its last check.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Token sessions (sign-ins with refresh tokens) one account may hold; a new one ends the oldest.</summary>
    [Range(1, 1_000)]
    public int MaxSessionsPerAccount { get; set; } = 100;
}
