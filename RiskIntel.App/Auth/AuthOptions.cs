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

public sealed class LocalAuthOptions
{
    [EmailAddress]
    public string? AdminEmail { get; set; } = "admin@riskintel.local";

    public string? AdminPassword { get; set; }

    /// <summary>Failed sign-ins one client address may make per minute before it gets 429.</summary>
    [Range(1, 10_000)]
    public int FailedLoginsPerMinute { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
