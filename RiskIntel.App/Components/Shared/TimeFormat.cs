using System.Globalization;

namespace RiskIntel.App.Components.Shared;

/// <summary>The one way times read on screen: the user's zone, day month year and seconds; the exact ISO time for tooltips.</summary>
public static class TimeFormat
{
    public static string Text(DateTime at, TimeZoneInfo zone) =>
        Local(at, zone).ToString("d MMM yyyy, HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Iso(DateTime at, TimeZoneInfo zone) =>
        Local(at, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>Stored times are UTC; a value without a kind is taken as UTC too, never as the server's zone.</summary>
    private static DateTimeOffset Local(DateTime at, TimeZoneInfo zone)
    {
        var utc = at.Kind switch
        {
            DateTimeKind.Local => at.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(at, DateTimeKind.Utc),
            _ => at,
        };
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(utc), zone);
    }
}
