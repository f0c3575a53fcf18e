using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace RiskIntel.Core.Jobs;

/// <summary>A request to run work in the background, as the submitting endpoint (or a previous pipeline step) made it.</summary>
public sealed record JobSubmission(
    JobType Type,
    JsonObject Input,
    string UserId,
    string? IdempotencyKey = null,
    string? CallbackUrl = null)
{
    /// <summary>SHA-256 of type, input and callback: identical submissions have the same hash.</summary>
    public string RequestHash()
    {
        var canonical = $"{Type}\n{Input.ToJsonString()}\n{CallbackUrl}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
