using Quartz.Extensibility;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Jobs.Scheduling;

/// <summary>
/// The clustered scheduler's instance id is this process's node id (name plus a per-start guid): unique per node and
/// per start, like Quartz's AUTO id, and the same id the job leases and the node heartbeat carry.
/// </summary>
internal sealed class NodeInstanceIdGenerator(NodeIdentity node) : IInstanceIdGenerator
{
    public ValueTask<string> GenerateInstanceId(CancellationToken cancellationToken) => ValueTask.FromResult(node.Id);
}
