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
    int Nodes);

public sealed record LatencyFigures(double P50, double P95);
