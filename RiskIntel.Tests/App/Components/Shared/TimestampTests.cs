using Bunit;
using Microsoft.AspNetCore.Components;
using RiskIntel.App.Components.Shared;

namespace RiskIntel.Tests.App.Components.Shared;

public sealed class TimestampTests : ComponentTestBase
{
    private static readonly DateTime NineUtc = new(2026, 11, 1, 9, 0, 5, DateTimeKind.Utc);

    [Fact]
    public void Timestamp_InTheBrowsersZone_ShowsLocalTimeWithTheFullIsoTimeAsTooltip()
    {
        var berlin = BrowserPreferences.Zone("Europe/Berlin");

        var cut = Render<CascadingValue<BrowserPreferences>>(p => p
            .Add(c => c.Value, new BrowserPreferences(false, berlin))
            .AddChildContent<Timestamp>(t => t.Add(c => c.At, NineUtc)));

        var time = cut.Find("time");
        Assert.Equal("1 Nov 2026, 10:00:05", time.TextContent);
        Assert.Equal("2026-11-01T10:00:05.000+01:00", time.GetAttribute("datetime"));
        Assert.Equal("2026-11-01T10:00:05.000+01:00 (Europe/Berlin)", time.GetAttribute("title"));
    }

    [Fact]
    public void Timestamp_WithoutAKnownZone_IsUtcNeverTheServersZone()
    {
        var cut = Render<Timestamp>(p => p.Add(c => c.At, DateTime.SpecifyKind(NineUtc, DateTimeKind.Unspecified)));

        Assert.Equal("1 Nov 2026, 09:00:05", cut.Find("time").TextContent);
        Assert.Equal(TimeZoneInfo.Utc, BrowserPreferences.Zone("Mars/Olympus_Mons"));
        Assert.Equal(TimeZoneInfo.Utc, BrowserPreferences.Zone(new string('x', 200)));
    }

    [Fact]
    public void Timestamp_NoTime_ShowsADash()
    {
        var cut = Render<Timestamp>(p => p.Add(c => c.At, (DateTime?)null));

        Assert.Equal("—", cut.Markup.Trim().Replace("<span>", "", StringComparison.Ordinal).Replace("</span>", "", StringComparison.Ordinal));
    }
}
