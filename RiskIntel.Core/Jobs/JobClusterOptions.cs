using System.ComponentModel.DataAnnotations;

namespace RiskIntel.Core.Jobs;

/// <summary>The clustered scheduler's timing (<c>Jobs:Cluster:*</c>); every node of a cluster should use the same values.</summary>
public sealed class JobClusterOptions
{
    /// <summary>How often a node records in the database that it is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long past a missed check-in the other nodes wait before they take over the node's triggers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle node waits before it looks again for triggers another node stored.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(1);
}
