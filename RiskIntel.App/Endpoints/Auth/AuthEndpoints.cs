using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RiskIntel.App.Auth;
using RiskIntel.Core;

namespace RiskIntel.App.Endpoints.Auth;

public sealed record LoginRequest(
    [property: Required, EmailAddress, MaxLength(InputLimits.MaxEmailLength)] string Email,
    [property: Required, MaxLength(InputLimits.MaxPasswordLength)] string Password);

public sealed record RefreshRequest([property: Required, MaxLength(8_192)] string RefreshToken);

public sealed record PasswordChangeRequest(
    [property: Required, MaxLength(InputLimits.MaxPasswordLength)] string CurrentPassword,
    [property: Required, MaxLength(InputLimits.MaxPasswordLength)] string NewPassword);

public sealed record MeResponse(string Id, string? Email, IReadOnlyList<string> Roles);

/// <summary>
/// Local-account tokens for REST clients; Identity's bearer-token handler writes the token body. Sign-in and refresh
/// are rate limited per client address; refresh tokens rotate on every use (README, "Security").
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapGet("/me", GetMe).RequireAuthorization();
        if (app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.Mode == AuthMode.Local)
        {
            // With Entra ID, clients get their tokens from Entra; there are no local passwords.
            group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy)
                .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
            group.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy)
                .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
            group.MapPost("/password", ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(SignInRateLimit.Policy);
        }

        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, LocalSignIn signIn, HttpContext http)
    {
        switch (await signIn.SignInAsync(request.Email, request.Password, IdentityConstants.BearerScheme, http))
        {
            case SignInOutcome.Succeeded:
                return TypedResults.Empty;
            case SignInOutcome.Throttled:
                http.Response.Headers.RetryAfter = ((int)signIn.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem("Too many failed sign-ins for this account from this address; try again later.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts");
            case SignInOutcome.LockedOut:
                return SignInFailed("The account is locked after repeated failed sign-ins; try again later.");
            case SignInOutcome.Disabled:
                return SignInFailed("The account is disabled; ask an administrator.");
            default:
                return SignInFailed("Invalid email or password.");
        }
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, LocalSignIn signIn, CancellationToken cancellationToken) =>
        await signIn.RefreshAsync(request.RefreshToken, cancellationToken) is { } principal
            ? TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme)
            : TypedResults.Problem("The refresh token is invalid, expired, revoked or was already used; sign in again.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Refresh failed");

    /// <summary>The caller's own password; every session of the account ends, so the client signs in again.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest request, ClaimsPrincipal user, LocalAccountChanges changes)
    {
        var changed = await changes.ChangePasswordAsync(user.GetUserId(), request.CurrentPassword, request.NewPassword);
        if (changed.NotFound)
        {
            return ApiProblems.NotFound("The account");
        }

        return changed.User is null
            ? TypedResults.ValidationProblem(changed.Errors, detail: string.Join(" ", changed.Errors.Values.SelectMany(e => e)))
            : TypedResults.NoContent();
    }

    private static ProblemHttpResult SignInFailed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");

    private static Ok<MeResponse> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.GetUserId(),
        user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue("preferred_username") ?? user.Identity?.Name,
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Concat(user.FindAll("roles").Select(c => c.Value)).Distinct().ToList()));
}
