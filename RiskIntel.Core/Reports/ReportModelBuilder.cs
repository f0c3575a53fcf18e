using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Reports.Narrative;

namespace RiskIntel.Core.Reports;

/// <summary>Gathers what one report version shows: the analysis with the analyst's edits, the narrative, the documents and the provenance.</summary>
internal static class ReportModelBuilder
{
    public static async Task<ReportModel> BuildAsync(
        RiskIntelDbContext db, Assessment assessment, RiskAnalysis analysis, ReportNarrative narrative, int version, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var result = analysis.Result;
        var edits = await db.RecommendationEdits.AsNoTracking().Where(e => e.AnalysisId == analysis.Id)
            .ToDictionaryAsync(e => e.RecommendationId, StringComparer.Ordinal, cancellationToken);
        var recommendations = ReportRecommendation.FromAnalysis(result)
            .Select(r => edits.TryGetValue(r.Id, out var edit) ? r with { Text = edit.Text, Priority = edit.Priority, Edited = true } : r)
            .ToList();
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.AssessmentId == assessment.Id && d.Status == DocumentStatus.Parsed).OrderBy(d => d.UploadedAt)
            .Select(d => new ReportDocument(d.Id, d.FileName, d.Pages ?? 0, d.Sha256)).ToListAsync(cancellationToken);
        var provenance = new ReportProvenance(
            new ReportStep(analysis.Engine, analysis.Model ?? (analysis.RulesVersion is { } rules ? $"rule table {rules}" : "rule table"),
                await PromptAsync(db, analysis.PromptId, analysis.PromptVersion, cancellationToken)),
            new ReportStep(narrative.Engine, narrative.Model ?? "composed from the scores",
                await PromptAsync(db, narrative.PromptId, narrative.PromptVersion, cancellationToken)));
        return new ReportModel(
            new ReportTitle(assessment.CompanyName, assessment.CompanyType, assessment.Country, assessment.Name),
            version,
            now,
            result,
            narrative.ExecutiveSummary,
            narrative.OverallProfile,
            narrative.Categories.ToDictionary(c => c.Category, c => c.Narrative, StringComparer.Ordinal),
            recommendations,
            documents,
            provenance,
            Method(analysis, narrative));
    }

    private static async Task<PromptReference?> PromptAsync(RiskIntelDbContext db, Guid? promptId, int? version, CancellationToken cancellationToken)
    {
        if (promptId is not { } id || version is not { } v)
        {
            return null;
        }

        var name = await db.Prompts.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        return new PromptReference(name ?? $"prompt {id:N}", v);
    }

    private static string Method(RiskAnalysis analysis, ReportNarrative narrative)
    {
        var scoring = analysis.Model is null
            ? "Each of the 35 subcategories starts from a baseline score and is moved by drivers: transparent rules matched against the parsed "
              + "documents and the analyst's corrections, and a penalty for information the documents do not give (see the rule table"
              + (analysis.RulesVersion is { } rules ? string.Create(CultureInfo.InvariantCulture, $", version {rules}") : "") + ")."
            : $"Each of the 35 subcategories was scored by the language model {analysis.Model} from the parsed documents and the analyst's reviewed "
              + "gap fields, with the drivers it named; the scores were checked against the schema and the arithmetic recomputed.";
        var writing = narrative.Model is null
            ? "The narrative texts were composed from the scores, drivers and recommendations."
            : $"The narrative texts were drafted by {narrative.Model} from the scores and evidence.";
        return scoring + " A quote is shown as evidence only when it occurs verbatim in the parsed text of a document; the page given is "
            + "the page where it occurs.\n\nA category's score is the mean of its five subcategory scores, and the overall score is the mean "
            + "of the seven category scores. Scores run from 0 to 100, higher is riskier. " + writing
            + " Analysts may edit recommendations; an edited recommendation is marked and the original remains on record.";
    }
}
