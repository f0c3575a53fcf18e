using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Files;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Documents;

/// <summary>Reads of the documents of a user's own assessment: metadata, parsed pages and the original file.</summary>
public sealed class DocumentQueries(IDbContextFactory<RiskIntelDbContext> dbFactory, IFileStore files)
{
    /// <summary>The assessment's documents, oldest first; null when the assessment is not the user's.</summary>
    public async Task<IReadOnlyList<DocumentDto>?> ListAsync(Guid assessmentId, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await OwnsAsync(db, assessmentId, userId, cancellationToken))
        {
            return null;
        }

        var documents = await db.Documents.AsNoTracking().Where(d => d.AssessmentId == assessmentId)
            .OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToDto()).ToList();
    }

    public async Task<DocumentDto?> GetAsync(Guid assessmentId, Guid documentId, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        return (await FindAsync(db, assessmentId, documentId, userId, cancellationToken))?.ToDto();
    }

    /// <summary>Pages <paramref name="from"/> to <paramref name="to"/> (inclusive, 1-based) of the parsed text.</summary>
    public async Task<IReadOnlyList<PageText>?> GetPagesAsync(
        Guid assessmentId, Guid documentId, string userId, int from, int to, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await FindAsync(db, assessmentId, documentId, userId, cancellationToken) is null)
        {
            return null;
        }

        return await db.DocumentPages.AsNoTracking()
            .Where(p => p.DocumentId == documentId && p.Page >= from && p.Page <= to)
            .OrderBy(p => p.Page).Select(p => new PageText(p.Page, p.Text)).ToListAsync(cancellationToken);
    }

    /// <summary>The parsed pages of every parsed document of the assessment, as the analysis steps read them.</summary>
    public async Task<IReadOnlyList<DocumentText>> GetParsedTextAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.AssessmentId == assessmentId && d.Status == DocumentStatus.Parsed)
            .OrderBy(d => d.UploadedAt).Select(d => new { d.Id, d.FileName }).ToListAsync(cancellationToken);
        var result = new List<DocumentText>(documents.Count);
        foreach (var document in documents)
        {
            var pages = await db.DocumentPages.AsNoTracking().Where(p => p.DocumentId == document.Id)
                .OrderBy(p => p.Page).Select(p => new PageText(p.Page, p.Text)).ToListAsync(cancellationToken);
            result.Add(new DocumentText(document.Id, document.FileName, pages));
        }

        return result;
    }

    /// <summary>The original file, for download by its owner.</summary>
    public async Task<(DocumentDto Document, Stream Content)?> OpenAsync(
        Guid assessmentId, Guid documentId, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var document = await FindAsync(db, assessmentId, documentId, userId, cancellationToken);
        return document is null ? null : (document.ToDto(), await files.OpenReadAsync(document.StorageKey, cancellationToken));
    }

    private static Task<bool> OwnsAsync(RiskIntelDbContext db, Guid assessmentId, string userId, CancellationToken cancellationToken) =>
        db.Assessments.AnyAsync(a => a.Id == assessmentId && a.CreatedById == userId, cancellationToken);

    private static Task<Document?> FindAsync(
        RiskIntelDbContext db, Guid assessmentId, Guid documentId, string userId, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking()
            .Where(d => d.Id == documentId && d.AssessmentId == assessmentId
                && db.Assessments.Any(a => a.Id == assessmentId && a.CreatedById == userId))
            .FirstOrDefaultAsync(cancellationToken);
}
