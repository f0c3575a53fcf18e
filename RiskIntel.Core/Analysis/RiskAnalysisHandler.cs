using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Analysis;

/// <summary>The RISK_ANALYSIS job's input.</summary>
public sealed record RiskAnalysisInput(Guid AssessmentId);

/// <summary>
/// RISK_ANALYSIS: scores the partner from its parsed documents and the reviewed gap fields with the configured
/// engine. The analysis id is the job's id and the version the next free one, so retries of one job make one version.
/// </summary>
public sealed class RiskAnalysisHandler(
    IDbContextFactory<RiskIntelDbContext> dbFactory, DocumentQueries documents, RiskAnalysisEngineSelector engines) : IJobHandler
{
    public JobType Type => JobType.RiskAnalysis;

    public async Task<object> ExecuteAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        var input = attempt.GetInput<RiskAnalysisInput>();
        await using var db = dbFactory.CreateDbContext();
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.AssessmentId, cancellationToken)
            ?? throw new ResourceNotFoundException("the assessment was deleted");
        var fields = await db.GapFields.AsNoTracking().Where(g => g.AssessmentId == assessment.Id).ToListAsync(cancellationToken);
        if (fields.Count == 0)
        {
            throw new InputValidationException("the assessment has no reviewed gap fields yet; run gap detection first");
        }

        var texts = await documents.GetParsedTextAsync(assessment.Id, cancellationToken);
        var gaps = fields.Select(f => new ReviewedGap(f.Field, Map(f.Status), f.ExtractedValue, f.Evidence, f.Correction, f.IsMandatory)).ToList();
        var engine = engines.Current;
        await attempt.ReportProgressAsync(10, $"Scoring 35 subcategories with the {engines.Name} engine", cancellationToken);
        var outcome = await engine.AnalyzeAsync(
            new RiskAnalysisRequest(assessment.CompanyName, assessment.CompanyType, assessment.Country, texts, gaps), cancellationToken);

        var version = 1 + (await db.RiskAnalyses.Where(a => a.AssessmentId == assessment.Id).MaxAsync(a => (int?)a.Version, cancellationToken) ?? 0);
        return new AnalysisRecord(attempt.JobId, version, outcome.Engine, outcome.OverallScore, outcome.OverallLevel, outcome.Scores,
            outcome.Model, outcome.PromptId, outcome.PromptVersion, outcome.RulesVersion, outcome.Notes);
    }

    private static ReviewedGapStatus Map(GapStatus status) => status switch
    {
        GapStatus.Verified => ReviewedGapStatus.Verified,
        GapStatus.Partial => ReviewedGapStatus.Partial,
        _ => ReviewedGapStatus.Missing,
    };
}
