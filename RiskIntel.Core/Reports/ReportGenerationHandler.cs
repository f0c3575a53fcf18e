using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Files;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Reports.Narrative;
using RiskIntel.Core.Reports.Pdf;

namespace RiskIntel.Core.Reports;

/// <summary>
/// REPORT_GENERATION: composes the narrative (offline from the scores, or with the active REPORT_GENERATION prompt),
/// renders the PDF and keeps it under a key of its own id; the completion handler records the report version.
/// </summary>
public sealed class ReportGenerationHandler(
    IDbContextFactory<RiskIntelDbContext> dbFactory, IFileStore files, ReportNarratorSelector narrators, TimeProvider time) : IJobHandler
{
    private const long MaxPdfBytes = 200L * 1024 * 1024;

    public JobType Type => JobType.ReportGeneration;

    public async Task<object> ExecuteAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        var input = attempt.GetInput<ReportGenerationInput>();
        await using var db = dbFactory.CreateDbContext();
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.AssessmentId, cancellationToken)
            ?? throw new ResourceNotFoundException("the assessment was deleted");
        var analyses = db.RiskAnalyses.AsNoTracking().Where(a => a.AssessmentId == assessment.Id);
        var analysis = await (input.AnalysisVersion is { } v ? analyses.Where(a => a.Version == v) : analyses.OrderByDescending(a => a.Version))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InputValidationException(input.AnalysisVersion is null
                ? "the assessment has no risk analysis yet; score it first"
                : $"the assessment has no analysis version {input.AnalysisVersion}");

        await attempt.ReportProgressAsync(10, "Writing the narrative", cancellationToken);
        var result = analysis.Result;
        var narrative = await narrators.Current.ComposeAsync(
            new ReportNarrativeRequest(assessment.CompanyName, assessment.CompanyType, assessment.Country, result), cancellationToken);

        await attempt.ReportProgressAsync(50, "Laying out the PDF", cancellationToken);
        var version = 1 + (await db.Reports.Where(r => r.AssessmentId == assessment.Id).MaxAsync(r => (int?)r.Version, cancellationToken) ?? 0);
        var model = await ReportModelBuilder.BuildAsync(db, assessment, analysis, narrative, version, time.GetUtcNow(), cancellationToken);
        var rendered = ReportPdfRenderer.Render(model, cancellationToken);

        await attempt.ReportProgressAsync(90, $"Keeping the {rendered.Pages}-page PDF", cancellationToken);
        using var pdf = new MemoryStream(rendered.Pdf, writable: false);
        var stored = await files.SaveAsync(ReportGenerationResult.StorageKeyOf(attempt.JobId), pdf, MaxPdfBytes, cancellationToken);
        return new ReportGenerationResult(attempt.JobId, ReportGenerationResult.UrlOf(attempt.JobId), version, rendered.Pages, stored.Bytes,
            analysis.Id, analysis.Version, stored.Sha256);
    }
}
