using RiskIntel.Core.Analysis;

namespace RiskIntel.Core.Reports.Narrative;

/// <summary>
/// Writes the narrative parts of the risk report for a credit committee: executive summary, overall profile,
/// a narrative per category, key recommendations and a conclusion. The offline narrator composes them from the
/// analysis; the LLM narrator asks a model through the active REPORT_GENERATION prompt.
/// </summary>
public interface IRiskReportNarrator
{
    Task<ReportNarrative> ComposeAsync(ReportNarrativeRequest request, CancellationToken cancellationToken);
}

/// <summary>The partner and the stored analysis (one version) the report is written about.</summary>
public sealed record ReportNarrativeRequest(string CompanyName, string CompanyType, string? Country, RiskAnalysisResult Analysis);

/// <summary>The report's text. Categories follow the taxonomy order; key recommendations are highest priority first.</summary>
public sealed record ReportNarrative(
    string ExecutiveSummary,
    string OverallProfile,
    IReadOnlyList<ReportCategoryNarrative> Categories,
    IReadOnlyList<Recommendation> KeyRecommendations,
    string Conclusion)
{
    /// <summary><c>offline-narrative</c> or <c>llm</c>.</summary>
    public required string Engine { get; init; }

    public string? Model { get; init; }

    public Guid? PromptId { get; init; }

    public int? PromptVersion { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }
}

/// <summary>The narrative of one category (a <c>CATEGORY</c> key such as <c>FINANCIAL</c>).</summary>
public sealed record ReportCategoryNarrative(string Category, string Narrative);
