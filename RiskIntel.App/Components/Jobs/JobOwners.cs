using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;

namespace RiskIntel.App.Components.Jobs;

/// <summary>Who started a job, by email, for admin views. Reads the accounts table directly, so it works in every auth mode.</summary>
internal sealed class JobOwners(IDbContextFactory<RiskIntelDbContext> dbFactory)
{
    public async Task<Dictionary<string, string>> EmailsAsync(CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
    }

    public async Task<string?> EmailAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
    }
}
