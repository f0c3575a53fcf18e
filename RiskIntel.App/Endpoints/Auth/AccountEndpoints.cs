using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RiskIntel.App.Auth;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Endpoints.Auth;

/// <summary>The sign-in form's fields; names match the inputs of the Login page.</summary>
public sealed record LoginForm(string? Email, string? Password, string? ReturnUrl);

/// <summary>
/// Cookie sign-in and sign-out for the UI. A Blazor circuit cannot set cookies, so the statically rendered
/// Login page posts here (form binding makes antiforgery validation mandatory).
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy);
        group.MapPost("/logout", LogoutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static async Task<RedirectHttpResult> LoginAsync(
        [FromForm] LoginForm form, [FromServices] LocalSignIn signIn, HttpContext http)
    {
        var returnUrl = LocalUrl(form.ReturnUrl);
        var outcome = await signIn.SignInAsync(form.Email, form.Password, IdentityConstants.ApplicationScheme, http);
        return outcome == SignInOutcome.Succeeded
            ? TypedResults.LocalRedirect(returnUrl)
            : BackToLogin(outcome, form.Email, returnUrl);
    }

    private static async Task<RedirectHttpResult> LogoutAsync([FromServices] SignInManager<AppUser> signInManager)
    {
        await signInManager.SignOutAsync();
        return TypedResults.LocalRedirect(LoginPath);
    }

    private static RedirectHttpResult BackToLogin(SignInOutcome error, string? email, string returnUrl) =>
        TypedResults.LocalRedirect(LoginPath + QueryString.Create(new Dictionary<string, string?>
        {
            ["error"] = error.ToString(),
            ["email"] = email?.Trim(),
            ["returnUrl"] = returnUrl,
        }).ToUriComponent());

    /// <summary>Only paths of this site: anything else (absolute, protocol-relative, backslash tricks) becomes "/".</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Contains('\\', StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/";
}
