using Microsoft.EntityFrameworkCore;

namespace RiskIntel.Core.Persistence;

/// <summary>Hands out the provider's context type as the shared <see cref="RiskIntelDbContext"/>.</summary>
internal sealed class RiskIntelDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<RiskIntelDbContext>
    where TContext : RiskIntelDbContext
{
    public RiskIntelDbContext CreateDbContext() => inner.CreateDbContext();
}
