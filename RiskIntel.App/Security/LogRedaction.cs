using System.Text.RegularExpressions;

namespace RiskIntel.App.Security;

/// <summary>Secrets that ride in query strings (<c>?access_token=</c> for hubs and SSE, and the like), cut from log text.</summary>
internal static partial class LogRedaction
{
    public const string Redacted = "[redacted]";

    public static bool Contains(string? text) => text is not null && text.Contains('=', StringComparison.Ordinal) && Secret().IsMatch(text);

    public static string Redact(string text) => Secret().Replace(text, m => m.Groups["name"].Value + Redacted);

    [GeneratedRegex(
        @"(?<name>(?:^|[?&;\s""'])(?:access_token|refresh_token|id_token|token|code|password|secret|client_secret|api_key|apikey|key|sig|signature)=)[^&#\s""']*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Secret();
}
