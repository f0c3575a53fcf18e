using System.ComponentModel.DataAnnotations;

namespace RiskIntel.Core.Jobs.Notifications.Webhooks;

public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Hosts a callbackUrl may name (exact host, host:port, or *.domain). Empty: callbacks are refused.</summary>
    public List<string> AllowedHosts { get; } = [];

    /// <summary>Key of the HMAC-SHA256 signature in <c>X-RiskIntel-Signature</c>; required once a host is allowed.</summary>
    public string? Secret { get; set; }

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
