using System.Security.Cryptography;
using System.Text;

namespace RiskIntel.Tests.Fakes;

/// <summary>
/// An independent SigV4 implementation (not AWSSDK.Core's) that the fake Bedrock server uses to check
/// the client's signatures, so the client's signer never vouches for itself.
/// </summary>
public static class FakeSigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Hex signature of a request; <paramref name="rawPath"/> is the path as sent on the wire.</summary>
    public static string Sign(
        string method,
        string rawPath,
        string rawQuery,
        IReadOnlyList<KeyValuePair<string, string>> signedHeaders,
        string payloadHash,
        string amzDate,
        string region,
        string service,
        string secretKey)
    {
        var canonical = CanonicalRequest(method, rawPath, rawQuery, signedHeaders, payloadHash);
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string CanonicalRequest(
        string method, string rawPath, string rawQuery, IReadOnlyList<KeyValuePair<string, string>> headers, string payloadHash)
    {
        var ordered = headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: CollapseSpaces(h.Value.Trim())))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(CanonicalUri(rawPath)).Append('\n');
        builder.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var (name, value) in ordered)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n').Append(string.Join(';', ordered.Select(h => h.Name))).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>Every service but S3 encodes each segment of the wire path once more.</summary>
    public static string CanonicalUri(string rawPath) =>
        rawPath.Length == 0 ? "/" : string.Join('/', rawPath.Split('/').Select(Encode));

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static string PayloadHash(byte[] body) => Hex(SHA256.HashData(body));

    private static string CanonicalQuery(string rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            return "";
        }

        return string.Join('&', rawQuery.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
    }

    // RFC 3986 unreserved characters stay; every other byte becomes %XX (upper-case hex).
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c != ' ' || builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
