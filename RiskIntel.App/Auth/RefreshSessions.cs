using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Persistence;

namespace RiskIntel.App.Auth;

/// <summary>
/// Token sessions of local accounts: one sign-in is one session (a refresh-token family), kept as a row of
/// Identity's user-token table (<c>AspNetUserTokens</c>, provider <see cref="LoginProvider"/>) naming the one refresh
/// token of the family that may still be used. Each refresh rotates it; presenting an older one is a reuse: the
/// whole family is revoked and the reuse logged. Revoking an account's sessions deletes its rows.
/// </summary>
public sealed partial class RefreshSessions(
    IDbContextFactory<RiskIntelDbContext> dbFactory, IOptions<AuthOptions> options, TimeProvider time, ILogger<RefreshSessions> logger)
{
    public const string LoginProvider = "RiskIntel:RefreshSession";
    public const string SessionClaim = "riskintel:session";
    public const string TokenClaim = "riskintel:refresh";

    private LocalAuthOptions Settings => options.Value.Local;

    /// <summary>Starts a session for a sign-in; the claims go into the tokens. Ends expired and surplus old sessions.</summary>
    public async Task<Claim[]> StartAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var now = time.GetUtcNow();
        var sessions = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider).ToListAsync(cancellationToken);
        var keep = sessions.Where(s => Parse(s.Value).IssuedAt + Settings.RefreshTokenLifetime > now)
            .OrderByDescending(s => Parse(s.Value).IssuedAt).Take(Settings.MaxSessionsPerAccount - 1).ToHashSet();
        db.UserTokens.RemoveRange(sessions.Where(s => !keep.Contains(s)));

        var sessionId = NewId();
        var tokenId = NewId();
        db.UserTokens.Add(new() { UserId = userId, LoginProvider = LoginProvider, Name = sessionId, Value = Format(tokenId, now) });
        await db.SaveChangesAsync(cancellationToken);
        return [new Claim(SessionClaim, sessionId), new Claim(TokenClaim, tokenId)];
    }

    /// <summary>
    /// Rotates the refresh token <paramref name="principal"/> carries: the claims of its successor, or null when the
    /// session is gone or the token was already used (then the session is revoked).
    /// </summary>
    public async Task<Claim[]?> RotateAsync(string userId, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.FindFirstValue(SessionClaim) is not { } sessionId || principal.FindFirstValue(TokenClaim) is not { } tokenId)
        {
            return null;
        }

        await using var db = dbFactory.CreateDbContext();
        var session = await db.UserTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == sessionId, cancellationToken);
        if (session?.Value is not { } current)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var next = NewId();
        var successor = Format(next, now);

        // Conditional on the value read: of two refreshes racing with the same token, one rotates, the other is a reuse.
        var rotated = Parse(current).TokenId == tokenId && await Sessions(db, userId, sessionId)
            .Where(t => t.Value == current)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, successor), cancellationToken) == 1;
        if (!rotated)
        {
            // The token was used before (or is being used right now from elsewhere): someone holds a copy.
            await Sessions(db, userId, sessionId).ExecuteDeleteAsync(cancellationToken);
            Log.ReuseDetected(logger, userId, sessionId);
            return null;
        }

        return [new Claim(SessionClaim, sessionId), new Claim(TokenClaim, next)];
    }

    /// <summary>Whether the session an access token belongs to still exists (tokens without one predate sessions).</summary>
    public async Task<bool> IsActiveAsync(string userId, string? sessionId, CancellationToken cancellationToken)
    {
        if (sessionId is null)
        {
            return true;
        }

        await using var db = dbFactory.CreateDbContext();
        return await Sessions(db, userId, sessionId).AnyAsync(cancellationToken);
    }

    public async Task RevokeAllAsync(string userId, string reason, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var revoked = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider).ExecuteDeleteAsync(cancellationToken);
        Log.Revoked(logger, revoked, userId, reason);
    }

    private static IQueryable<Microsoft.AspNetCore.Identity.IdentityUserToken<string>> Sessions(RiskIntelDbContext db, string userId, string sessionId) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == sessionId);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Format(string tokenId, DateTimeOffset issuedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{tokenId}|{issuedAt.ToUnixTimeMilliseconds()}");

    private static (string TokenId, DateTimeOffset IssuedAt) Parse(string? value)
    {
        var parts = (value ?? "").Split('|');
        return parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? (parts[0], DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(ms, 0, 253_402_300_799_999)))
            : ("", DateTimeOffset.MinValue);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Refresh token reuse for user {UserId}, session {SessionId}: the token was already used, so the whole session is revoked")]
        public static partial void ReuseDetected(ILogger logger, string userId, string sessionId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Revoked {Count} token sessions of user {UserId}: {Reason}")]
        public static partial void Revoked(ILogger logger, int count, string userId, string reason);
    }
}
