namespace RiskIntel.App.Components.Shared;

/// <summary>
/// What the browser said about its user on the page's first request (cookies set by <c>wwwroot/app.js</c>): the
/// theme and the time zone. The server renders with them, so the first paint is already dark and already local.
/// </summary>
public sealed record BrowserPreferences(bool DarkMode, TimeZoneInfo TimeZone)
{
    public const string ThemeCookie = "riskintel-theme";
    public const string TimeZoneCookie = "riskintel-tz";

    public static BrowserPreferences Default { get; } = new(false, TimeZoneInfo.Utc);

    public static bool IsDark(string? themeCookie) => themeCookie == "dark";

    /// <summary>An IANA (or Windows) zone id; anything unknown, blank or absurdly long is UTC.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        id is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
