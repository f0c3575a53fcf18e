using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RiskIntel.App.Security;

/// <summary>
/// Reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> the app believes (<c>ForwardedHeaders:*</c>).
/// None by default: then the headers are ignored and the client address is the socket's, so nobody can pick the
/// address that sign-in limits count against. Behind a proxy, name it, or the limits count the proxy.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>127.0.0.1</c> for nginx on the same host.</summary>
    public List<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in front of the app to read addresses from, nearest first.</summary>
    public int ForwardLimit { get; set; } = 1;
}

internal sealed class ForwardedHeadersSetup(IOptions<ForwardedHeadersSettings> settings) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = settings.Value.ForwardLimit;

        // Only the configured proxies: ASP.NET's defaults trust loopback.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.Value.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.Value.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

}

/// <summary>A proxy address that does not parse stops the app at start, naming the key.</summary>
internal sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        var bad = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"ForwardedHeaders:KnownProxies has '{p}', which is no IP address.")
            .Concat(options.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)).Select(n => $"ForwardedHeaders:KnownNetworks has '{n}', which is no CIDR network."))
            .ToList();
        if (options.ForwardLimit < 1)
        {
            bad.Add("ForwardedHeaders:ForwardLimit must be at least 1.");
        }

        return bad.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(bad);
    }
}
