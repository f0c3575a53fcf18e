using Microsoft.Extensions.Options;

namespace RiskIntel.Core.Jobs.Notifications.Webhooks;

/// <summary>Only absolute http(s) URLs on an allowed host may be called back (no open relay, no SSRF).</summary>
public sealed class CallbackUrlPolicy(IOptionsMonitor<WebhookOptions> options)
{
    /// <summary>Null when the URL may be used; otherwise why not.</summary>
    public string? Check(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "callbackUrl must be an absolute http or https URL.";
        }

        var current = options.CurrentValue;
        if (string.IsNullOrEmpty(current.Secret))
        {
            return "Callbacks are not enabled on this server (Webhooks:Secret is not set).";
        }

        return current.AllowedHosts.Any(allowed => Matches(allowed, uri))
            ? null
            : $"The host '{uri.Authority}' is not on the callback allow-list (Webhooks:AllowedHosts).";
    }

    private static bool Matches(string allowed, Uri uri)
    {
        if (allowed.StartsWith("*.", StringComparison.Ordinal))
        {
            return uri.Host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(allowed, uri.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(allowed, uri.Authority, StringComparison.OrdinalIgnoreCase);
    }
}
