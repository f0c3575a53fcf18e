using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Playwright;
using RiskIntel.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RiskIntel.Tests.Browser;

/// <summary>The app under its Content-Security-Policy in a real browser, and the paged Users page.</summary>
[Trait("Category", "Slow")]
public sealed class SecurityBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task UsersPage_PagesThroughTheAccounts_WithNoContentSecurityPolicyViolation()
    {
        using (var api = await fixture.ApiClientAsync(RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword))
        {
            for (var i = 0; i < 12; i++)
            {
                var created = await api.PostAsJsonAsync("/api/admin/users", new { email = $"paged{i:00}-{Guid.NewGuid():N}@test.local", password = RiskIntelAppFactory.UserPassword, role = "Analyst" });
                created.EnsureSuccessStatusCode();
            }
        }

        var page = await fixture.NewPageAsync();
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue(message.Text);
            }
        };

        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => "
            + "(window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI))");
        await page.SignInAsync(RiskIntelAppFactory.AdminEmail, RiskIntelAppFactory.AdminPassword, "/admin/users");
        var rows = page.GetByTestId("user-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(10, new() { Timeout = 30_000 });
        var firstPage = await rows.AllInnerTextsAsync();

        await page.GetByLabel("Next page").ClickAsync();
        await Expect(rows.First).Not.ToHaveTextAsync(firstPage[0], new() { Timeout = 30_000 });
        var secondPage = await rows.AllInnerTextsAsync();

        Assert.Empty(firstPage.Intersect(secondPage));
        Assert.Empty(violations);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations || []"));
    }

    [BrowserFact]
    public async Task ApiReference_RendersUnderItsPolicy()
    {
        var page = await fixture.NewPageAsync();
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue(message.Text);
            }
        };

        await page.GotoAsync("/scalar/");

        await Expect(page.GetByText("/api/auth/login").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Empty(violations);
    }
}
