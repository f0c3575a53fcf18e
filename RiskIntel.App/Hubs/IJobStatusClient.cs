using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Hubs;

/// <summary>What the server calls on hub clients.</summary>
public interface IJobStatusClient
{
    /// <summary>A job changed; the payload is the same JSON as <c>GET /api/jobs/{id}</c>.</summary>
    Task JobUpdated(JobDto job);
}
