using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.App.Security;

/// <summary>Tokens in query strings never reach a log, whatever logs the request.</summary>
public sealed class LogRedactionTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly RiskIntelAppFactory _app;

    public LogRedactionTests()
    {
        _app = new RiskIntelAppFactory()
            .With("Logging:LogLevel:Default", "Debug")
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Debug")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(_logs));
    }

    [Theory]
    [InlineData("/api/jobs?access_token=")]
    [InlineData("/hubs/jobs/negotiate?negotiateVersion=1&access_token=")]
    [InlineData("/api/jobs?limit=5&refresh_token=")]
    public async Task TokenInTheQuery_IsRedactedFromEveryLog(string url)
    {
        var secret = "SECRET" + Guid.NewGuid().ToString("N");
        using var client = _app.CreateClient();

        await client.GetAsync(url + secret);

        Assert.Contains(_logs.AllText(), text => text.Contains(url.Split('?')[0], StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.AllText(), text => text.Contains(secret, StringComparison.Ordinal));
    }

    public void Dispose() => _app.Dispose();
}
