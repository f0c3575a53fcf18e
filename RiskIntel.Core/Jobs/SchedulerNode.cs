namespace RiskIntel.Core.Jobs;

/// <summary>A running RiskIntel process, seen through its periodic heartbeat.</summary>
public sealed class SchedulerNode
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime LastSeenAt { get; set; }
}
