using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RiskIntel.Core.Files;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Assessments;

public enum UpdateOutcome
{
    Updated,
    NotFound,
    Stale,
}

public sealed record AssessmentUpdate(UpdateOutcome Outcome, AssessmentDto? Assessment);

/// <summary>Creates, edits and deletes a user's own assessments; the pipeline moves their status through its own steps.</summary>
public sealed partial class AssessmentService(
    IDbContextFactory<RiskIntelDbContext> dbFactory, IFileStore files, TimeProvider time, ILogger<AssessmentService> logger)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<AssessmentDto> CreateAsync(AssessmentDetails details, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var assessment = Assessment.Create(details, userId, Now);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        Log.Created(logger, assessment.Id, userId);
        return assessment.ToDto();
    }

    /// <summary>Applies the edit only when <paramref name="expectedVersion"/> is the version stored (optimistic concurrency).</summary>
    public async Task<AssessmentUpdate> UpdateAsync(
        Guid id, string userId, AssessmentDetails details, int expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.Id == id && a.CreatedById == userId, cancellationToken);
        if (assessment is null)
        {
            return new(UpdateOutcome.NotFound, null);
        }

        if (assessment.Version != expectedVersion)
        {
            return new(UpdateOutcome.Stale, assessment.ToDto());
        }

        assessment.Update(details, Now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = dbFactory.CreateDbContext();
            return new(UpdateOutcome.Stale, (await fresh.Assessments.AsNoTracking().FirstAsync(a => a.Id == id, cancellationToken)).ToDto());
        }

        return new(UpdateOutcome.Updated, assessment.ToDto());
    }

    /// <summary>
    /// Deletes the assessment with its documents, gaps, analyses and reports (the database cascades), then their
    /// files. Job records stay: they belong to the job history of their user.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.Id == id && a.CreatedById == userId, cancellationToken);
        if (assessment is null)
        {
            return false;
        }

        var keys = await db.Documents.Where(d => d.AssessmentId == id).Select(d => d.StorageKey)
            .Concat(db.Reports.Where(r => r.AssessmentId == id).Select(r => r.StorageKey)).ToListAsync(cancellationToken);
        db.Assessments.Remove(assessment);
        await db.SaveChangesAsync(cancellationToken);

        // After the commit: a crash here leaves unreferenced files, never rows pointing at missing files.
        foreach (var key in keys)
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }

        Log.Deleted(logger, id, keys.Count);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Assessment {AssessmentId} created by {UserId}")]
        public static partial void Created(ILogger logger, Guid assessmentId, string userId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Assessment {AssessmentId} deleted with {Files} files")]
        public static partial void Deleted(ILogger logger, Guid assessmentId, int files);
    }
}
