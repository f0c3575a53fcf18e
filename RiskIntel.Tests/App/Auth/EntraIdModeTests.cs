using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Auth;

/// <summary>Entra ID mode as far as it goes without a tenant: wiring, API challenges, and start-up checks.</summary>
public sealed class EntraIdModeTests
{
    [Fact]
    public async Task EntraId_SchemesAreEntraIds_AndNoLocalAccountSchemeIsRegistered()
    {
        using var app = EntraIdApp();

        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var names = (await schemes.GetAllSchemesAsync()).Select(s => s.Name).ToList();

        Assert.Equal("EntraId", (await schemes.GetDefaultChallengeSchemeAsync())?.Name);
        Assert.Contains(JwtBearerDefaults.AuthenticationScheme, names);
        Assert.Contains(OpenIdConnectDefaults.AuthenticationScheme, names);
        Assert.DoesNotContain(IdentityConstants.ApplicationScheme, names);
        Assert.DoesNotContain(IdentityConstants.BearerScheme, names);
    }

    [Fact]
    public async Task EntraId_ApiWithoutToken_Is401ForBearer_AndLocalLoginDoesNotExist()
    {
        using var app = EntraIdApp();
        using var client = app.CreateClient();

        var jobs = await client.GetAsync("/api/jobs");
        // The configured admin's real credentials: in Local mode this answers 200 with a token.
        var login = await client.PostAsJsonAsync("/api/auth/login",
            new { email = RiskIntelAppFactory.AdminEmail, password = RiskIntelAppFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, jobs.StatusCode);
        Assert.Contains("Bearer", jobs.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        // No sign-in endpoint answers a POST there (404, or 405 where another route shares the path).
        Assert.Contains(login.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
    }

    [Fact]
    public void EntraId_WithoutAzureAdSection_FailsAtStartNamingIt()
    {
        using var app = new RiskIntelAppFactory().With("Auth:Mode", "EntraId");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        // The message itself, not the stack trace (whose method names may mention AzureAd too).
        var messages = Chain(error).Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("the AzureAd section (Instance, TenantId, ClientId) is missing", StringComparison.Ordinal));
    }

    private static RiskIntelAppFactory EntraIdApp() => new RiskIntelAppFactory()
        .With("Auth:Mode", "EntraId")
        .With("AzureAd:Instance", "https://login.microsoftonline.com/")
        .With("AzureAd:TenantId", "00000000-0000-0000-0000-000000000001")
        .With("AzureAd:ClientId", "00000000-0000-0000-0000-000000000002")
        .With("AzureAd:ClientSecret", "not-used-offline");

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
