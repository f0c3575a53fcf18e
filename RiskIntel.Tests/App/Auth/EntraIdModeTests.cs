using System.Net;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Auth;

/// <summary>Entra ID mode as far as it goes without a tenant: wiring, API challenges, and start-up checks.</summary>
public sealed class EntraIdModeTests
{
    [Fact]
    public async Task EntraId_ApiWithoutToken_Is401AndLocalLoginIsNotOffered()
    {
        using var app = new RiskIntelAppFactory()
            .With("Auth:Mode", "EntraId")
            .With("AzureAd:Instance", "https://login.microsoftonline.com/")
            .With("AzureAd:TenantId", "00000000-0000-0000-0000-000000000001")
            .With("AzureAd:ClientId", "00000000-0000-0000-0000-000000000002")
            .With("AzureAd:ClientSecret", "not-used-offline");
        using var client = app.CreateClient();

        var jobs = await client.GetAsync("/api/jobs");
        var login = await client.PostAsync("/api/auth/login", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, jobs.StatusCode);
        Assert.Contains("Bearer", jobs.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public void EntraId_WithoutAzureAdSection_FailsAtStartNamingIt()
    {
        using var app = new RiskIntelAppFactory().With("Auth:Mode", "EntraId");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("AzureAd", error.ToString(), StringComparison.Ordinal);
    }
}
