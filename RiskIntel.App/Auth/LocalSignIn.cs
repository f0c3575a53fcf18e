using Microsoft.AspNetCore.Identity;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Auth;

public enum SignInOutcome
{
    Succeeded,
    Invalid,
    LockedOut,
    Throttled,
    Missing,
}

/// <summary>
/// The one password sign-in of Local mode, for the UI's cookie and the API's bearer tokens alike: the
/// failed-attempt throttle, Identity's lockout, then the scheme's sign-in.
/// </summary>
public sealed class LocalSignIn(SignInManager<AppUser> signInManager, FailedLoginThrottle throttle)
{
    public static TimeSpan RetryAfter => FailedLoginThrottle.RetryAfter;

    public async Task<SignInOutcome> SignInAsync(string? email, string? password, string scheme, HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsBlocked(address))
        {
            return SignInOutcome.Throttled;
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return SignInOutcome.Missing;
        }

        signInManager.AuthenticationScheme = scheme;
        var result = await signInManager.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignInOutcome.Succeeded;
        }

        throttle.RecordFailure(address);
        return result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Invalid;
    }
}
