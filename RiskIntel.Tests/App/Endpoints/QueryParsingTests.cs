using System.Net;
using System.Text;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Endpoints;

/// <summary>Every query parameter is read defensively: a bad value is a 400 naming it, never a 500 or a guess.</summary>
public sealed class QueryParsingTests(RiskIntelAppFactory app) : IClassFixture<RiskIntelAppFactory>
{
    private static readonly string NegativeTicksCursor = Cursor("-1:" + new string('0', 32));
    private static readonly string HugeTicksCursor = Cursor("9999999999999999999:" + new string('0', 32));

    public static TheoryData<string, string> BadQueries() => new()
    {
        { $"/api/jobs?cursor={NegativeTicksCursor}", "cursor" },
        { $"/api/admin/jobs?cursor={NegativeTicksCursor}", "cursor" },
        { $"/api/jobs?cursor={HugeTicksCursor}", "cursor" },
        { "/api/jobs?cursor=%25%25%25", "cursor" },
        { "/api/jobs?limit=abc", "limit" },
        { "/api/jobs?limit=2147483648", "limit" },
        { "/api/jobs?status=1", "status" },
        { "/api/admin/jobs?type=0", "type" },
        { "/api/admin/prompts?page=2147483647", "page" },
        { "/api/admin/prompts?page=-1", "page" },
        { "/api/admin/prompts?limit=0", "limit" },
        { "/api/admin/prompts?section=1", "section" },
        { "/api/admin/prompts?active=maybe", "active" },
        { $"/api/admin/prompts?search={new string('s', 201)}", "search" },
        { $"/api/admin/prompts/{Guid.Empty}?version=abc", "version" },
        { $"/api/admin/prompts/{Guid.Empty}/activate?replace=perhaps", "replace" },
        { "/api/admin/users?page=0", "page" },
        { "/api/admin/users?limit=101", "limit" },
        { "/api/admin/users?page=2147483647", "page" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Query_BadValue_Is400NamingTheParameter(string url, string parameter)
    {
        using var admin = await app.AdminAsync();

        var response = url.Contains("/activate", StringComparison.Ordinal) ? await admin.PostAsync(url, null) : await admin.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors name {parameter}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    private static string Cursor(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
