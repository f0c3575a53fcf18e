using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using RiskIntel.Core.Reports;

namespace RiskIntel.Tests.Core.Reports;

public sealed class ReportLinksTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly ReportLinks _links;

    public ReportLinksTests() => _links = new ReportLinks(new EphemeralDataProtectionProvider(), _clock);

    [Fact]
    public void Link_IsValidUntilItExpires_ThenNot()
    {
        var id = Guid.NewGuid();
        var (url, expiresAt) = _links.Create(id, TimeSpan.FromMinutes(30));
        var (expires, sig) = Parse(url);

        Assert.Equal(_clock.GetUtcNow().AddMinutes(30).ToUnixTimeSeconds(), expiresAt.ToUnixTimeSeconds());
        Assert.True(_links.IsValid(id, expires, sig));
        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.False(_links.IsValid(id, expires, sig));
    }

    [Fact]
    public void Link_ForAnotherReportOrExpiry_IsRefused()
    {
        var id = Guid.NewGuid();
        var (expires, sig) = Parse(_links.Create(id, TimeSpan.FromHours(1)).Url);

        Assert.False(_links.IsValid(Guid.NewGuid(), expires, sig));
        Assert.False(_links.IsValid(id, (long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), sig));
        Assert.False(_links.IsValid(id, expires, sig + "x"));
        Assert.False(_links.IsValid(id, expires, "not base64 !!"));
        Assert.False(_links.IsValid(id, "soon", sig));
    }

    private static (string Expires, string Sig) Parse(string url)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);
        return (query["expires"]!, query["sig"]!);
    }
}
