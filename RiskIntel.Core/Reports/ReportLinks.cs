using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace RiskIntel.Core.Reports;

/// <summary>
/// Links to a report's PDF that carry their own expiring signature, for people without an account (e.g. a credit
/// committee). The signature is report id and expiry sealed with the Data Protection key ring (authenticated
/// encryption, HMAC-SHA256 for integrity); the ring is shared by every node through the database, so any node
/// verifies any node's link, and a changed id, expiry or signature fails the check.
/// </summary>
public sealed class ReportLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);
    private readonly IDataProtector _protector = protection.CreateProtector("RiskIntel.Reports.SignedLinks.v1");

    public (string Url, DateTimeOffset ExpiresAt) Create(Guid reportId, TimeSpan lifetime)
    {
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var signature = WebEncoders.Base64UrlEncode(_protector.Protect(Payload(reportId, expires)));
        var url = $"{ReportGenerationResult.UrlOf(reportId)}?expires={expires.ToString(CultureInfo.InvariantCulture)}&sig={signature}";
        return (url, DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>Whether the link is the one this app issued for the report and has not expired.</summary>
    public bool IsValid(Guid reportId, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry < time.GetUtcNow().ToUnixTimeSeconds() || string.IsNullOrEmpty(signature) || signature.Length > 1024)
        {
            return false;
        }

        try
        {
            var signed = _protector.Unprotect(WebEncoders.Base64UrlDecode(signature));
            return CryptographicOperations.FixedTimeEquals(signed, Payload(reportId, expiry));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }

    private static byte[] Payload(Guid reportId, long expires) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{reportId:N}|{expires}"));
}
