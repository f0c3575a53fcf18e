using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RiskIntel.App.Auth;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Endpoints.Auth;

public sealed record LoginRequest([property: Required, EmailAddress] string Email, [property: Required] string Password);

public sealed record RefreshRequest([property: Required] string RefreshToken);

public sealed record MeResponse(string Id, string? Email, IReadOnlyList<string> Roles);

/// <summary>Local-account tokens for REST clients; Identity's bearer-token handler writes the token body.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapGet("/me", GetMe).RequireAuthorization();
        if (app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.Mode == AuthMode.Local)
        {
            // With Entra ID, clients get their tokens from Entra; there are no local passwords.
            group.MapPost("/login", LoginAsync).AllowAnonymous()
                .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
            group.MapPost("/refresh", RefreshAsync).AllowAnonymous().Produces<AccessTokenResponse>();
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
                http.Response.Headers.RetryAfter = ((int)LocalSignIn.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem("Too many failed sign-ins from this address; try again in a minute.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts");
            case SignInOutcome.LockedOut:
                return TypedResults.Problem("The account is locked after repeated failed sign-ins; try again later.",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
            default:
                return TypedResults.Problem("Invalid email or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request,
        SignInManager<AppUser> signInManager,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider time)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signInManager.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Problem("The refresh token is invalid or expired.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static Ok<MeResponse> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.GetUserId(),
        user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue("preferred_username") ?? user.Identity?.Name,
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Concat(user.FindAll("roles").Select(c => c.Value)).Distinct().ToList()));
}
