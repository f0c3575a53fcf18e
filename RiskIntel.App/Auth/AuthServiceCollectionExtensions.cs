using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using RiskIntel.Core.Auth;
using RiskIntel.Core.Persistence;

namespace RiskIntel.App.Auth;

internal static class AuthServiceCollectionExtensions
{
    private const string EntraIdScheme = "EntraId";

    /// <summary>Local accounts (Identity: cookie for pages, bearer tokens for REST) or Entra ID, and the Admin policy.</summary>
    public static IHostApplicationBuilder AddAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new();

        services.AddAuthorizationBuilder().AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        services.AddCascadingAuthenticationState();
        services.AddSignInRateLimit();
        if (auth.Mode == AuthMode.EntraId)
        {
            AddEntraId(builder);
            return builder;
        }

        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RiskIntelDbContext>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((o, a) =>
        {
            o.Lockout.MaxFailedAccessAttempts = a.Value.Local.LockoutFailures;
            o.Lockout.DefaultLockoutTimeSpan = a.Value.Local.LockoutDuration;
        });

        // Cookies: Identity's security stamp validator checks the account again after this interval.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AuthOptions>>((o, a) =>
            o.ValidationInterval = a.Value.Local.SessionValidationInterval);

        // Requests authenticate with a bearer token or the cookie; challenges go to the cookie handler, which
        // redirects pages to sign in and answers APIs and hubs with 401/403 (ApiAware below).
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            o.DefaultForbidScheme = IdentityConstants.ApplicationScheme;
        });
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<AuthOptions>>((o, a) =>
        {
            o.BearerTokenExpiration = a.Value.Local.AccessTokenLifetime;
            o.RefreshTokenExpiration = a.Value.Local.RefreshTokenLifetime;

            // Browsers cannot set headers on WebSocket/SSE requests: the token may come in the query there (/hubs only).
            // Every token is checked against its account and session too, not only decrypted.
            o.Events.OnMessageReceived = context =>
                context.HttpContext.RequestServices.GetRequiredService<BearerSessionValidator>().OnMessageReceivedAsync(context);
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnRedirectToLogin = context => ApiAware(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.AddSingleton<FailedLoginThrottle>();
        services.AddSingleton<BearerSessionValidator>();
        services.AddSingleton<RefreshSessions>();
        services.AddScoped<LocalSignIn>();
        services.AddScoped<LocalAccounts>();
        services.AddScoped<LocalAccountChanges>();
        services.AddHostedService<AccountSeeder>();
        return builder;
    }

    /// <summary>APIs, hubs and the metrics scrape answer 401/403; pages are redirected to sign in.</summary>
    private static Task ApiAware(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")
            || context.Request.Path.StartsWithSegments("/metrics"))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized)
            {
                // RFC 9110: a 401 names the scheme the client should use.
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }

    private static void AddEntraId(IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("AzureAd");
        if (!section.Exists())
        {
            throw new InvalidOperationException("Auth:Mode is EntraId but the AzureAd section (Instance, TenantId, ClientId) is missing.");
        }

        // REST clients and hubs use app or user tokens (JWT); pages sign in through OpenID Connect, whose
        // handler authenticates from its cookie.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = EntraIdScheme;
                o.DefaultChallengeScheme = EntraIdScheme;
            })
            .AddPolicyScheme(EntraIdScheme, "Entra ID (token or cookie)", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")
                    ? JwtBearerDefaults.AuthenticationScheme
                    : OpenIdConnectDefaults.AuthenticationScheme);
        builder.Services.AddAuthentication().AddMicrosoftIdentityWebApi(section, JwtBearerDefaults.AuthenticationScheme);
        builder.Services.AddAuthentication().AddMicrosoftIdentityWebApp(section, OpenIdConnectDefaults.AuthenticationScheme);
    }
}
