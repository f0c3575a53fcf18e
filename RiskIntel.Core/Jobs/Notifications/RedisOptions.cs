namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>Scale-out: with a Redis server configured, job status changes travel between nodes.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>. Unset: single node.</summary>
    public string? ConnectionString { get; set; }

    public string ChannelPrefix { get; set; } = "riskintel";
}
