using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints.Users;

public sealed class UsersEndpointsTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    [Fact]
    public async Task Create_AsAdmin_Is201AndTheUserCanSignIn()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/users", new { email = "new.analyst@test.local", password = "Good-Password-1", role = "Analyst" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Analyst"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var analyst = await app.LoginAsync("new.analyst@test.local", "Good-Password-1");
        var me = await analyst.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(user.GetProperty("id").GetString(), me.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Create_AsAnalyst_Is403()
    {
        var (analyst, _) = await app.NewUserAsync();

        var response = await analyst.PostAsJsonAsync("/api/admin/users", new { email = "x@test.local", password = "Good-Password-1", role = "Admin" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_Anonymous_Is401()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/admin/users", new { email = "x@test.local", password = "Good-Password-1", role = "Admin" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_ExistingEmail_Is409()
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/users", new { email = RiskIntelAppFactory.AdminEmail, password = "Good-Password-1", role = "Admin" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("Auditor", "Good-Password-1", "role")]
    [InlineData("Analyst", "short", "password")]
    public async Task Create_InvalidInput_Is400NamingTheField(string role, string password, string field)
    {
        using var admin = await app.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/users", new { email = $"{Guid.NewGuid():N}@test.local", password, role });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}

public sealed class UsersPagingTests : IDisposable
{
    private readonly RiskIntelAppFactory _app = new();

    [Fact]
    public async Task List_IsPagedByEmailWithATotal()
    {
        for (var i = 0; i < 4; i++)
        {
            await _app.CreateUserAsync();
        }

        using var admin = await _app.AdminAsync();

        var first = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?page=1&limit=2");
        var third = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?page=3&limit=2");

        Assert.Equal(5, first.GetProperty("total").GetInt32());
        var emails = first.GetProperty("items").EnumerateArray().Concat(third.GetProperty("items").EnumerateArray())
            .Select(u => u.GetProperty("email").GetString()!).ToList();
        Assert.Equal(3, emails.Count);
        Assert.Equal(emails.Order(StringComparer.OrdinalIgnoreCase), emails);
        Assert.All(first.GetProperty("items").EnumerateArray(), u => Assert.False(u.GetProperty("disabled").GetBoolean()));
    }

    public void Dispose() => _app.Dispose();
}
