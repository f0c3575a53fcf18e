using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Jobs.Storage;

/// <summary>Stamps every job event an EF unit of work stores with this node's name (the SQL store does it in its insert).</summary>
internal sealed class JobEventNodeInterceptor(NodeIdentity node) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        foreach (var entry in context?.ChangeTracker.Entries<JobEvent>().Where(e => e.State == EntityState.Added) ?? [])
        {
            var stamp = entry.Property(e => e.Node);
            stamp.CurrentValue ??= node.Name;
        }
    }
}
