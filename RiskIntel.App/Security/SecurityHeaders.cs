using System.Security.Cryptography;

namespace RiskIntel.App.Security;

/// <summary>
/// The headers every answer carries. The Content-Security-Policy fits Blazor Server: scripts only from this site
/// plus inline scripts that carry this request's nonce (the framework's import map does) or whose hash is listed
/// in <see cref="InlineScriptHashes"/>; the circuit's WebSocket to this host; MudBlazor's inline styles; no framing,
/// no plugins. Token and sign-in answers are never cached.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// CSP hashes (<c>'sha256-…'</c>) of static inline scripts a page may contain. To allow one: compute
    /// <c>echo -n '&lt;script body&gt;' | openssl dgst -sha256 -binary | base64</c> and add <c>'sha256-&lt;that&gt;'</c>
    /// here; or render the script with <c>nonce="@SecurityHeaders.Nonce(HttpContext)"</c> in <c>App.razor</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> InlineScriptHashes = [];

    private const string NonceKey = "RiskIntel.CspNonce";

    /// <summary>
    /// The interactive API reference (Scalar) configures itself with an inline module script whose text changes with
    /// the package, and loads its fonts from its own host; it shows only the OpenAPI document, so it alone gets this.
    /// </summary>
    private const string ApiReferencePath = "/scalar";
    private const string ApiReferencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        + "style-src 'self' 'unsafe-inline' https://fonts.scalar.com; font-src 'self' data: https://fonts.scalar.com; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The nonce of this request's CSP, for inline scripts rendered by <c>App.razor</c>.</summary>
    public static string Nonce(HttpContext http)
    {
        if (http.Items[NonceKey] is not string nonce)
        {
            // Hex, not base64: '+' and '/' would reach the page HTML-encoded, and the value has to read the same in
            // the header and the attribute to anyone comparing them.
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            http.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(http);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            if (IsTokenOrSignIn(http.Request.Path))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(http);
    });

    internal static string ContentSecurityPolicy(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments(ApiReferencePath))
        {
            return ApiReferencePolicy;
        }

        var host = http.Request.Host.Value;
        var scripts = string.Join(' ', new[] { "'self'", $"'nonce-{Nonce(http)}'" }.Concat(InlineScriptHashes));
        return string.Join("; ",
            "default-src 'self'",
            $"script-src {scripts}",
            // MudBlazor writes its theme as an inline <style>; fonts are served from wwwroot/fonts.
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self' data:",
            "img-src 'self' data:",
            string.IsNullOrEmpty(host) ? "connect-src 'self'" : $"connect-src 'self' wss://{host} ws://{host}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    private static bool IsTokenOrSignIn(PathString path) =>
        path.StartsWithSegments("/api/auth") || path.StartsWithSegments("/account");
}
