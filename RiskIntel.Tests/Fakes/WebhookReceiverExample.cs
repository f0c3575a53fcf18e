using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RiskIntel.Tests.Fakes;

/// <summary>
/// The receiver-side check of <c>X-RiskIntel-Signature</c> exactly as the README shows it, so the documented
/// example is itself tested: HMAC-SHA256 of <c>"{t}.{body}"</c>, compared in constant time, and too old a
/// <c>t</c> refused so a captured delivery cannot be replayed.
/// </summary>
public static class WebhookReceiverExample
{
    public static bool IsValid(string secret, string? header, byte[] body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = (header ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || Math.Abs(now.ToUnixTimeSeconds() - unix) > tolerance.TotalSeconds)
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes(t + ".").Concat(body).ToArray();
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return v1.Length == expected.Length * 2
            && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(v1), expected);
    }
}
