using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Security;

public sealed partial class SecurityHeadersTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    [Fact]
    public async Task Page_HasAContentSecurityPolicyThatFitsBlazorServer()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToList());
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Contains("'self'", directives["script-src"]);
        Assert.DoesNotContain("'unsafe-inline'", directives["script-src"]);
        Assert.DoesNotContain("'unsafe-eval'", directives["script-src"]);
        Assert.Contains(directives["connect-src"], s => s.StartsWith("ws", StringComparison.Ordinal));
        var nonce = Assert.Single(directives["script-src"], s => s.StartsWith("'nonce-", StringComparison.Ordinal))[7..^1];
        foreach (Match inline in InlineScript().Matches(html))
        {
            Assert.Contains($"nonce=\"{nonce}\"", WebUtility.HtmlDecode(inline.Value), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryAnswer_IsNosniffAndNotFramable()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public void Kestrel_SendsNoServerHeader()
    {
        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
    }

    [Theory]
    [InlineData("/api/auth/login")]
    [InlineData("/api/auth/refresh")]
    [InlineData("/account/login")]
    public async Task TokenAndSignInAnswers_AreNeverCached(string path)
    {
        using var client = app.CreateClient();

        var response = path.StartsWith("/api", StringComparison.Ordinal)
            ? await client.PostAsJsonAsync(path, new { email = RiskIntelAppFactory.AdminEmail, password = RiskIntelAppFactory.AdminPassword, refreshToken = "x" })
            : await client.GetAsync(path);

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}

/// <summary>Outside Development: HTTPS redirection, and HSTS on HTTPS (here as a configured proxy reports it).</summary>
public sealed class TransportSecurityTests : IDisposable
{
    private readonly RiskIntelAppFactory _app = new RiskIntelAppFactory()
        .With("ForwardedHeaders:KnownProxies:0", "10.0.0.1")
        .With("https_port", "443")
        .WithClientAddressHeader();

    [Fact]
    public async Task PlainHttp_IsRedirectedToHttps()
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task HttpsFromAConfiguredProxy_GetsHsts()
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://riskintel.example/health");
        request.Headers.Add(ClientAddressStartupFilter.Header, "10.0.0.1");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.10");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
