using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Files;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Reports;

/// <summary>Reads of reports: the versions of a user's own assessment, and a report's PDF for its owner or a signed link.</summary>
public sealed class ReportQueries(IDbContextFactory<RiskIntelDbContext> dbFactory, IFileStore files)
{
    public async Task<IReadOnlyList<ReportDto>?> ListAsync(Guid assessmentId, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.CreatedById == userId, cancellationToken))
        {
            return null;
        }

        var reports = await db.Reports.AsNoTracking().Where(r => r.AssessmentId == assessmentId)
            .OrderByDescending(r => r.Version).ToListAsync(cancellationToken);
        return reports.Select(ToDto).ToList();
    }

    /// <summary>The report when <paramref name="userId"/> owns its assessment, or for anyone when <paramref name="userId"/> is null (a verified signed link).</summary>
    public async Task<ReportDto?> GetAsync(Guid reportId, string? userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var report = await Find(db, reportId, userId).FirstOrDefaultAsync(cancellationToken);
        return report is null ? null : ToDto(report);
    }

    public async Task<(ReportDto Report, string FileName, Stream Content)?> OpenAsync(Guid reportId, string? userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await Find(db, reportId, userId)
            .Join(db.Assessments, r => r.AssessmentId, a => a.Id, (r, a) => new { Report = r, a.CompanyName })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var fileName = $"{Documents.DocumentFileNames.Sanitise(found.CompanyName)} - risk report v{found.Report.Version}.pdf";
        return (ToDto(found.Report), fileName, await files.OpenReadAsync(found.Report.StorageKey, cancellationToken));
    }

    /// <summary>
    /// What the web report of <paramref name="reportId"/> shows: the model of its analysis version with the analyst's
    /// edits, the narrative composed from the scores (the PDF's text is not stored, and a page view must not call a
    /// model); null when the report is not the user's.
    /// </summary>
    public async Task<(ReportDto Report, ReportModel Model)?> GetModelAsync(Guid reportId, string userId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var report = await Find(db, reportId, userId).FirstOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return null;
        }

        var assessment = await db.Assessments.AsNoTracking().FirstAsync(a => a.Id == report.AssessmentId, cancellationToken);
        var analysis = await db.RiskAnalyses.AsNoTracking().FirstAsync(a => a.Id == report.AnalysisId, cancellationToken);
        var narrative = await new Narrative.OfflineReportNarrator().ComposeAsync(
            new Narrative.ReportNarrativeRequest(assessment.CompanyName, assessment.CompanyType, assessment.Country, analysis.Result), cancellationToken);
        var model = await ReportModelBuilder.BuildAsync(
            db, assessment, analysis, narrative, report.Version, new DateTimeOffset(DateTime.SpecifyKind(report.CreatedAt, DateTimeKind.Utc)), cancellationToken);
        return (ToDto(report), model);
    }

    private static IQueryable<Report> Find(RiskIntelDbContext db, Guid reportId, string? userId) =>
        db.Reports.AsNoTracking().Where(r => r.Id == reportId
            && (userId == null || db.Assessments.Any(a => a.Id == r.AssessmentId && a.CreatedById == userId)));

    private static ReportDto ToDto(Report r) =>
        new(r.Id, r.Version, r.AnalysisVersion, r.Pages, r.Bytes, ReportGenerationResult.UrlOf(r.Id), r.CreatedAt);
}
