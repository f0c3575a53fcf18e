using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Auth;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Auth;

/// <summary>Sign-in tells nothing about which accounts exist: same work, same answer, lockout named only after the right password.</summary>
public sealed class LocalSignInTests : IDisposable
{
    private readonly CountingPasswordHasher.Counter _hashes = new();
    private readonly RiskIntelAppFactory _app;

    public LocalSignInTests()
    {
        _app = new RiskIntelAppFactory()
            .With("Auth:Local:LockoutFailures", "3")
            .WithServices(s => s.AddScoped<IPasswordHasher<AppUser>>(_ => new CountingPasswordHasher(_hashes)));
    }

    [Fact]
    public async Task Login_UnknownEmail_ChecksAPasswordHashLikeAKnownAccountDoes()
    {
        var email = await _app.CreateUserAsync();
        using var client = _app.CreateClient();

        var before = _hashes.Verifications;
        var unknown = await LoginAsync(client, $"nobody-{Guid.NewGuid():N}@test.local", "Some-Guess-123");
        var afterUnknown = _hashes.Verifications;
        var known = await LoginAsync(client, email, "Some-Guess-123");
        var afterKnown = _hashes.Verifications;

        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterKnown - afterUnknown);
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(await DetailAsync(unknown), await DetailAsync(known));
    }

    [Fact]
    public async Task Login_LockedAccountWithAWrongPassword_AnswersExactlyLikeAnUnknownAccount()
    {
        var email = await LockedOutAccountAsync();
        using var client = _app.CreateClient();

        var locked = await LoginAsync(client, email, "yet-another-guess");
        var unknown = await LoginAsync(client, $"nobody-{Guid.NewGuid():N}@test.local", "yet-another-guess");

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(await DetailAsync(unknown), await DetailAsync(locked));
    }

    [Fact]
    public async Task Login_LockedAccountWithTheRightPassword_SaysItIsLocked()
    {
        var email = await LockedOutAccountAsync();
        using var client = _app.CreateClient();

        var response = await LoginAsync(client, email, RiskIntelAppFactory.UserPassword);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _app.Dispose();

    internal static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    private async Task<string> LockedOutAccountAsync()
    {
        var email = await _app.CreateUserAsync();
        using var client = _app.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            await LoginAsync(client, email, $"wrong-password-{i}");
        }

        return email;
    }
}

/// <summary>Failed sign-ins are throttled per (client address, account); forwarded addresses count only from configured proxies.</summary>
public sealed class FailedSignInThrottleTests : IDisposable
{
    private const string Proxy = "10.0.0.1";
    private readonly RiskIntelAppFactory _app = new RiskIntelAppFactory()
        .With("Auth:Local:FailedSignInsPerAccountAndAddress", "3")
        .With("Auth:Local:FailedLoginsPerMinute", "3")
        .With("ForwardedHeaders:KnownProxies:0", Proxy)
        .WithClientAddressHeader();

    [Fact]
    public async Task Login_AfterFailuresForOtherAccountsFromTheSameAddress_TheRightPasswordStillWorks()
    {
        using var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LocalSignInTests.LoginAsync(client, $"nobody{i}@test.local", "guess-password")).StatusCode);
        }

        var response = await LocalSignInTests.LoginAsync(client, RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_RepeatedFailuresForOneAccountFromOneAddress_Are429WithRetryAfter()
    {
        var email = await _app.CreateUserAsync();
        using var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await LocalSignInTests.LoginAsync(client, email, "guess-password");
        }

        var response = await LocalSignInTests.LoginAsync(client, email, "guess-password");

        var problem = await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Login_ForwardedByAConfiguredProxy_CountsPerClientAddress()
    {
        var email = await _app.CreateUserAsync();
        for (var i = 0; i < 3; i++)
        {
            await LoginFromAsync(Proxy, $"203.0.113.{i + 1}", email, "guess-password");
        }

        var response = await LoginFromAsync(Proxy, "203.0.113.1", email, "guess-password");
        var otherClient = await LoginFromAsync(Proxy, "203.0.113.9", email, "guess-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherClient.StatusCode);
    }

    [Fact]
    public async Task Login_ForwardedForHeaderFromAnAddressThatIsNoProxy_IsIgnored()
    {
        var email = await _app.CreateUserAsync();
        for (var i = 0; i < 3; i++)
        {
            await LoginFromAsync("198.51.100.7", $"203.0.113.{i + 1}", email, "guess-password");
        }

        var response = await LoginFromAsync("198.51.100.7", "203.0.113.200", email, "guess-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    public void Dispose() => _app.Dispose();

    private async Task<HttpResponseMessage> LoginFromAsync(string remote, string forwardedFor, string email, string password)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add(ClientAddressStartupFilter.Header, remote);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }
}
