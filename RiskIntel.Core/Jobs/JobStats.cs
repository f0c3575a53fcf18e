namespace RiskIntel.Core.Jobs;

/// <summary>The queue as the admin monitor sees it (<c>GET /api/jobs/stats</c>).</summary>
public sealed record JobStats(
    int Pending,
    int Processing,
    int CompletedLastHour,
    int FailedLastHour,
    LatencyFigures QueueLatencyMs,
    LatencyFigures RunLatencyMs,
    bool SchedulerRunning,
    int Nodes,
    IReadOnlyList<LiveNode> LiveNodes);

/// <summary>A node whose heartbeat is recent: its name, this start's id, and when it was last seen.</summary>
public sealed record LiveNode(string Name, string Id, DateTime StartedAt, DateTime LastSeenAt);

public sealed record LatencyFigures(double P50, double P95);
