using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Auth;

/// <summary>
/// Identity's bearer tokens are self-contained, so on their own they outlive a deleted, disabled, locked-out or
/// demoted account. This reads the token the way the handler would and also checks, like Identity's security stamp
/// validator does for cookies, that the account still exists with the same security stamp, is not locked out and
/// that the token's session was not revoked. A positive check is remembered for
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/>, so a revoked token fails within that interval
/// and the database is asked at most once per interval per session.
/// </summary>
internal sealed class BearerSessionValidator(
    IOptionsMonitor<BearerTokenOptions> bearerOptions, IOptions<SecurityStampValidatorOptions> stampOptions, TimeProvider time)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _validUntil = new();

    public async Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        var request = context.Request;
        var token = request.Path.StartsWithSegments("/hubs") && !string.IsNullOrEmpty(request.Query["access_token"])
            ? request.Query["access_token"].ToString()
            : request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        var ticket = bearerOptions.Get(context.Scheme.Name).BearerTokenProtector.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires)
        {
            context.Fail("The access token is invalid or expired.");
            return;
        }

        if (!await IsCurrentAsync(ticket.Principal, context.HttpContext))
        {
            context.Fail("The session of this access token was revoked.");
            return;
        }

        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, HttpContext http)
    {
        var signIn = http.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        var stamp = principal.FindFirstValue(signIn.Options.ClaimsIdentity.SecurityStampClaimType);
        var session = principal.FindFirstValue(RefreshSessions.SessionClaim);
        var key = $"{principal.FindFirstValue(ClaimTypes.NameIdentifier)}\n{stamp}\n{session}";
        var now = time.GetUtcNow();
        if (_validUntil.TryGetValue(key, out var until) && now < until)
        {
            return true;
        }

        if (await signIn.ValidateSecurityStampAsync(principal) is not { } user || await signIn.UserManager.IsLockedOutAsync(user)
            || !await http.RequestServices.GetRequiredService<RefreshSessions>().IsActiveAsync(user.Id, session, http.RequestAborted))
        {
            _validUntil.TryRemove(key, out _);
            return false;
        }

        if (_validUntil.Count >= MaxRemembered)
        {
            foreach (var stale in _validUntil.Where(e => e.Value <= now).Select(e => e.Key).ToList())
            {
                _validUntil.TryRemove(stale, out _);
            }
        }

        var interval = stampOptions.Value.ValidationInterval;
        if (interval > TimeSpan.Zero && _validUntil.Count < MaxRemembered)
        {
            _validUntil[key] = now + interval;
        }

        return true;
    }
}
