using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using RiskIntel.App.Endpoints;
using RiskIntel.App.Endpoints.Auth;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Auth;

public sealed partial class AccountEndpointsTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    [Fact]
    public async Task Page_Anonymous_RedirectsToSignInWithReturnUrl()
    {
        using var client = Browser();

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fjobs", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Login_ValidCredentials_SetsTheCookieAndFollowsTheLocalReturnUrl()
    {
        using var client = Browser();

        var response = await PostLoginAsync(client, RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword, "/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/jobs", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/jobs")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Login_ForeignReturnUrl_GoesHomeInstead(string returnUrl)
    {
        using var client = Browser();

        var response = await PostLoginAsync(client, RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword, returnUrl);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WrongPassword_ReturnsToTheFormWithAnError()
    {
        using var client = Browser();

        var response = await PostLoginAsync(client, RiskIntelAppFactory.AdminEmail, "wrong-password", "/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login?error=Invalid", location, StringComparison.Ordinal);
        var page = await client.GetStringAsync(location);
        Assert.Contains("The email or password is not correct.", page, StringComparison.Ordinal);
        Assert.Contains("name=\"ReturnUrl\" value=\"/jobs\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = Browser();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = RiskIntelAppFactory.AdminEmail,
            ["Password"] = RiskIntelAppFactory.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var client = Browser();
        await PostLoginAsync(client, RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword, "/");
        var token = Token(await client.GetStringAsync("/account/login"));

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(AccountEndpoints.LoginPath, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task AdminPage_AsAnalyst_RedirectsToAccessDenied()
    {
        var (_, email) = await app.NewUserAsync();
        using var client = Browser();
        await PostLoginAsync(client, email, RiskIntelAppFactory.UserPassword, "/");

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string returnUrl)
    {
        var token = Token(await client.GetStringAsync("/account/login"));
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = email,
            ["Password"] = password,
            ["ReturnUrl"] = returnUrl,
        }));
    }

    private static string Token(string html) => AntiforgeryField().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
