using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RiskIntel.Core;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Auth;

public enum SignInOutcome
{
    Succeeded,
    Invalid,
    LockedOut,
    Disabled,
    Throttled,
    Missing,
}

/// <summary>
/// The one password sign-in of Local mode, for the UI's cookie and the API's bearer tokens alike, and the refresh of
/// bearer tokens. It tells nothing about which accounts exist: an unknown email costs a password hash like a known one
/// and answers the same; a locked or disabled account says so only to the right password. Failed attempts are
/// throttled per (client address, account) and count towards Identity's lockout, whose start ends the account's sessions.
/// </summary>
public sealed partial class LocalSignIn(
    SignInManager<AppUser> signInManager,
    FailedLoginThrottle throttle,
    RefreshSessions sessions,
    LocalAccountChanges changes,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    TimeProvider time,
    ILogger<LocalSignIn> logger)
{
    private static string? _dummyHash;

    public TimeSpan RetryAfter => throttle.RetryAfter;

    private UserManager<AppUser> Users => signInManager.UserManager;

    public async Task<SignInOutcome> SignInAsync(string? email, string? password, string scheme, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)
            || email.Length > InputLimits.MaxEmailLength || password.Length > InputLimits.MaxPasswordLength)
        {
            return SignInOutcome.Missing;
        }

        var attempt = SignInAttempt.Of(http, email);
        if (throttle.IsBlocked(attempt))
        {
            return SignInOutcome.Throttled;
        }

        var user = await Users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // The same hashing work as a real account's check, so timing does not tell which emails exist.
            _dummyHash ??= Users.PasswordHasher.HashPassword(new AppUser(), "riskintel-no-such-account");
            Users.PasswordHasher.VerifyHashedPassword(new AppUser(), _dummyHash, password);
            throttle.RecordFailure(attempt);
            return SignInOutcome.Invalid;
        }

        var lockedOut = await Users.IsLockedOutAsync(user);
        if (!await Users.CheckPasswordAsync(user, password))
        {
            throttle.RecordFailure(attempt);
            if (!lockedOut)
            {
                await RecordFailureAsync(user);
            }

            return SignInOutcome.Invalid;
        }

        if (lockedOut)
        {
            return LocalAccounts.IsDisabled(user) ? SignInOutcome.Disabled : SignInOutcome.LockedOut;
        }

        if (!await signInManager.CanSignInAsync(user))
        {
            return SignInOutcome.Invalid;
        }

        await Users.ResetAccessFailedCountAsync(user);
        signInManager.AuthenticationScheme = scheme;
        if (scheme == IdentityConstants.BearerScheme)
        {
            await signInManager.SignInWithClaimsAsync(user, isPersistent: false, await sessions.StartAsync(user.Id, http.RequestAborted));
        }
        else
        {
            await signInManager.SignInAsync(user, isPersistent: false);
        }

        return SignInOutcome.Succeeded;
    }

    /// <summary>The principal for new tokens, or null: expired, tampered, reused, or the account changed since.</summary>
    public async Task<ClaimsPrincipal?> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken) || refreshToken.Length > 8_192)
        {
            return null;
        }

        var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signInManager.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await Users.IsLockedOutAsync(user)
            || await sessions.RotateAsync(user.Id, ticket.Principal, cancellationToken) is not { } claims)
        {
            return null;
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaims(claims);
        return principal;
    }

    private async Task RecordFailureAsync(AppUser user)
    {
        await Users.AccessFailedAsync(user);
        if (await Users.IsLockedOutAsync(user))
        {
            Log.LockedOut(logger, user.Id);
            await changes.RevokeSessionsAsync(user, "locked out after failed sign-ins");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} is locked out after repeated failed sign-ins")]
        public static partial void LockedOut(ILogger logger, string userId);
    }
}
