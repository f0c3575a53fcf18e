using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Auth;

public sealed class RefreshTokenRotationTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly RiskIntelAppFactory _app;

    public RefreshTokenRotationTests()
    {
        _app = new RiskIntelAppFactory().WithServices(s => s.AddSingleton<ILoggerProvider>(_logs));
    }

    [Fact]
    public async Task Refresh_EachUse_RotatesTheRefreshToken()
    {
        var email = await _app.CreateUserAsync();
        var (_, first) = await _app.GetTokensAsync(email, RiskIntelAppFactory.UserPassword);
        using var client = _app.CreateClient();

        var second = await RefreshAsync(client, first);
        var third = await RefreshAsync(client, second.RefreshToken);

        Assert.NotEqual(first, second.RefreshToken);
        Assert.NotEqual(second.RefreshToken, third.RefreshToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", third.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Refresh_TokenUsedASecondTime_IsRefusedRevokesItsWholeFamilyAndIsLogged()
    {
        var email = await _app.CreateUserAsync();
        var (_, first) = await _app.GetTokensAsync(email, RiskIntelAppFactory.UserPassword);
        var (_, otherSession) = await _app.GetTokensAsync(email, RiskIntelAppFactory.UserPassword);
        using var client = _app.CreateClient();
        var rotated = await RefreshAsync(client, first);

        var reused = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first });
        var successor = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = rotated.RefreshToken });
        var unrelated = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = otherSession });

        await reused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await successor.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, unrelated.StatusCode);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("reuse", StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose() => _app.Dispose();

    internal static async Task<(string AccessToken, string RefreshToken)> RefreshAsync(HttpClient client, string refreshToken)
    {
        var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }
}

/// <summary>
/// Account changes that must end sessions: refresh tokens stop at once, access tokens within the security-stamp
/// validation interval (one minute; the clock is a fake one so the test can step over it).
/// </summary>
public sealed class SessionRevocationTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly RiskIntelAppFactory _app;

    public SessionRevocationTests()
    {
        _app = new RiskIntelAppFactory()
            .With("Auth:Local:LockoutFailures", "3")
            .WithServices(s => s.AddSingleton<TimeProvider>(_clock));
    }

    [Fact]
    public async Task Delete_User_RefreshFailsAtOnceAndTheAccessTokenWithinAMinute()
    {
        var session = await SignInAsync();
        using var admin = await _app.AdminAsync();

        var deleted = await admin.DeleteAsync($"/api/admin/users/{session.UserId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertRevokedAsync(session);
    }

    [Fact]
    public async Task RoleChange_RevokesTheSessionsAndTheNextSignInCarriesTheNewRole()
    {
        var session = await SignInAsync();
        using var admin = await _app.AdminAsync();

        var changed = await admin.PutAsJsonAsync($"/api/admin/users/{session.UserId}/role", new { role = "Admin" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await AssertRevokedAsync(session);
        using var again = await _app.LoginAsync(session.Email, RiskIntelAppFactory.UserPassword);
        var me = await again.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(["Admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Disable_RevokesTheSessionsAndRefusesTheRightPasswordUntilEnabled()
    {
        var session = await SignInAsync();
        using var admin = await _app.AdminAsync();

        var disabled = await admin.PostAsync($"/api/admin/users/{session.UserId}/disable", null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        await AssertRevokedAsync(session);
        using var client = _app.CreateClient();
        var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = session.Email, password = RiskIntelAppFactory.UserPassword });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("disabled", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/users/{session.UserId}/enable", null)).StatusCode);
        using var back = await _app.LoginAsync(session.Email, RiskIntelAppFactory.UserPassword);
    }

    [Fact]
    public async Task PasswordChange_RevokesTheSessionsAndTheNewPasswordWorks()
    {
        var session = await SignInAsync();
        using var user = Bearer(session.AccessToken);

        var changed = await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = RiskIntelAppFactory.UserPassword, newPassword = "Another-Password-2" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await AssertRevokedAsync(session);
        using var again = await _app.LoginAsync(session.Email, "Another-Password-2");
    }

    [Fact]
    public async Task Lockout_RevokesTheRefreshTokens()
    {
        var session = await SignInAsync();
        using var client = _app.CreateClient();

        for (var i = 0; i < 6; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = session.Email, password = $"wrong-password-{i}" });
        }

        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = session.RefreshToken });
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AccountChanges_OfTheAdminsOwnAccount_AreRefused()
    {
        using var admin = await _app.AdminAsync();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var id = me.GetProperty("id").GetString();

        await (await admin.DeleteAsync($"/api/admin/users/{id}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsync($"/api/admin/users/{id}/disable", null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PutAsJsonAsync($"/api/admin/users/{id}/role", new { role = "Analyst" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    public void Dispose() => _app.Dispose();

    private async Task<Session> SignInAsync()
    {
        var email = await _app.CreateUserAsync();
        var (access, refresh) = await _app.GetTokensAsync(email, RiskIntelAppFactory.UserPassword);
        using var client = Bearer(access);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        return new Session(email, me.GetProperty("id").GetString()!, access, refresh);
    }

    private async Task AssertRevokedAsync(Session session)
    {
        using var anonymous = _app.CreateClient();
        var refresh = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = session.RefreshToken });
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized);

        _clock.Advance(TimeSpan.FromSeconds(61));
        using var client = Bearer(session.AccessToken);
        await (await client.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private HttpClient Bearer(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record Session(string Email, string UserId, string AccessToken, string RefreshToken);
}
