using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Gaps;

/// <summary>The GAP_DETECTION job's input: the assessment, and the document whose parse started it (when chained).</summary>
public sealed record GapDetectionInput(Guid AssessmentId, [property: JsonPropertyName("trigger")] Guid? TriggerDocumentId = null);

/// <summary>GAP_DETECTION: reads every parsed document of the assessment and decides the 35 fields with the configured engine.</summary>
public sealed class GapDetectionHandler(
    IDbContextFactory<RiskIntelDbContext> dbFactory, DocumentQueries documents, GapDetectionEngineSelector engines) : IJobHandler
{
    public JobType Type => JobType.GapDetection;

    public async Task<object> ExecuteAsync(JobAttempt attempt, CancellationToken cancellationToken)
    {
        var input = attempt.GetInput<GapDetectionInput>();
        await using var db = dbFactory.CreateDbContext();
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.AssessmentId, cancellationToken)
            ?? throw new ResourceNotFoundException("the assessment was deleted");
        var texts = await documents.GetParsedTextAsync(assessment.Id, cancellationToken);
        if (texts.Count == 0)
        {
            throw new InputValidationException("the assessment has no parsed document to look for gaps in; upload one first");
        }

        var engine = engines.Current;
        await attempt.ReportProgressAsync(10, $"Reading {texts.Sum(t => t.Pages.Count)} pages with the {engine.Name} engine", cancellationToken);
        return await engine.DetectAsync(
            new GapDetectionRequest(assessment.CompanyName, assessment.CompanyType, assessment.Country, texts), cancellationToken);
    }
}
