using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Gaps;

public sealed class GapQueries(IDbContextFactory<RiskIntelDbContext> dbFactory)
{
    private static readonly Dictionary<string, int> Order = RiskTaxonomy.Fields.Select((f, i) => (f.Key, i)).ToDictionary(x => x.Key, x => x.i);

    /// <summary>The assessment's gap fields in taxonomy order (empty before the first detection); null when it is not the user's.</summary>
    public async Task<IReadOnlyList<GapFieldDto>?> ListAsync(Guid assessmentId, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.CreatedById == userId, cancellationToken))
        {
            return null;
        }

        var fields = await db.GapFields.AsNoTracking().Where(g => g.AssessmentId == assessmentId).ToListAsync(cancellationToken);
        return fields.OrderBy(f => Order.GetValueOrDefault(f.Field, int.MaxValue)).Select(f => f.ToDto()).ToList();
    }
}
