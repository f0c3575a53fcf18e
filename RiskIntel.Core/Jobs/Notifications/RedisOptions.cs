using System.ComponentModel.DataAnnotations;

namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>Scale-out: with a Redis server configured, job status changes travel between nodes.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>. Unset: single node.</summary>
    public string? ConnectionString { get; set; }

    public string ChannelPrefix { get; set; } = "riskintel";

    /// <summary>
    /// When Redis returns after an outage, at most this many job rows changed since the outage began (newest first)
    /// are re-read from the database and fed to this node's feed; older changes are left to a reload.
    /// </summary>
    [Range(1, 100_000)]
    public int CatchUpLimit { get; set; } = 500;

    /// <summary>How far before the detected loss the catch-up starts: messages in flight, clock skew between nodes.</summary>
    [Range(0, 3600)]
    public int CatchUpMarginSeconds { get; set; } = 10;
}
