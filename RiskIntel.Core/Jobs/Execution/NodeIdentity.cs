using Microsoft.Extensions.Options;

namespace RiskIntel.Core.Jobs.Execution;

/// <summary>This process as a job node: its configured name plus an id unique to this start.</summary>
public sealed class NodeIdentity(IOptions<JobsOptions> options)
{
    public string Name { get; } = options.Value.NodeName;

    public string Id { get; } = $"{options.Value.NodeName}/{Guid.NewGuid():N}";

    /// <summary>True when a lease was taken by an earlier process of this node, which is therefore gone.</summary>
    public bool IsPreviousInstance(string? leaseOwner) =>
        leaseOwner is not null && leaseOwner != Id && leaseOwner.StartsWith(Name + "/", StringComparison.Ordinal);
}
