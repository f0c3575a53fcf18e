using RiskIntel.Core.Analysis;

namespace RiskIntel.Core.Reports;

/// <summary>
/// Everything one report version shows (SPEC §8 Report): the analysis it rests on, the texts written for it, the
/// analyst-edited recommendations and where it all came from. Renderers only read it; composing it is the caller's job.
/// </summary>
/// <param name="Title">Who and what the report is about.</param>
/// <param name="ReportVersion">The report's own version (a re-run makes a new one).</param>
/// <param name="GeneratedAt">When the report was generated; shown in UTC.</param>
/// <param name="Analysis">The scored analysis; its <see cref="RiskAnalysisResult.Version"/> is the analysis version.</param>
/// <param name="ExecutiveSummary">Plain text; blank lines separate paragraphs.</param>
/// <param name="OverallProfile">Plain text about the overall profile; blank lines separate paragraphs.</param>
/// <param name="CategoryNarratives">Optional narratives by category key that replace the analysis' own.</param>
/// <param name="Recommendations">What the report recommends: the analyst's edit where there is one, else the original.</param>
/// <param name="Documents">The documents the analysis read.</param>
/// <param name="Provenance">Engines, models and prompt versions behind the analysis and the narrative.</param>
/// <param name="Method">Plain text for the appendix: how scores were reached.</param>
public sealed record ReportModel(
    ReportTitle Title,
    int ReportVersion,
    DateTimeOffset GeneratedAt,
    RiskAnalysisResult Analysis,
    string ExecutiveSummary,
    string OverallProfile,
    IReadOnlyDictionary<string, string>? CategoryNarratives,
    IReadOnlyList<ReportRecommendation> Recommendations,
    IReadOnlyList<ReportDocument> Documents,
    ReportProvenance Provenance,
    string Method)
{
    public int AnalysisVersion => Analysis.Version;

    /// <summary>The narrative shown for a category: the override when one is given and not blank, else the analysis'.</summary>
    public string NarrativeFor(CategoryScore category) =>
        CategoryNarratives is not null
        && CategoryNarratives.TryGetValue(category.Category, out var text)
        && !string.IsNullOrWhiteSpace(text)
            ? text
            : category.Narrative;
}

/// <summary>The cover data: the assessed organisation and the assessment's name.</summary>
public sealed record ReportTitle(string CompanyName, string CompanyType, string? Country, string AssessmentName);

/// <summary>A document the analysis read; evidence refers to it by <paramref name="Id"/>; <paramref name="Sha256"/> is lower-case hex.</summary>
public sealed record ReportDocument(Guid Id, string FileName, int Pages, string Sha256);
