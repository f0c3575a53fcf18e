using RiskIntel.Core.Assessments;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Portfolio;

/// <summary>
/// One assessment of the portfolio with the scores of its latest analysis; the score fields are null until it has one.
/// <see cref="Categories"/> always holds the 7 categories in taxonomy order, so rows line up as columns.
/// </summary>
public sealed record PortfolioRow(
    Guid Id,
    string Name,
    string CompanyName,
    string? Country,
    AssessmentStatus Status,
    double? OverallScore,
    RiskLevel? OverallLevel,
    IReadOnlyList<PortfolioCell> Categories,
    DateTime? AnalyzedAt,
    int? AnalysisVersion)
{
    public bool IsAnalyzed => AnalysisVersion is not null;

    public PortfolioCell? Category(string key) => Categories.FirstOrDefault(c => string.Equals(c.Category, key, StringComparison.Ordinal));
}

/// <summary>A category's mean score and level in the latest analysis (null when there is none).</summary>
public sealed record PortfolioCell(string Category, double? Score, RiskLevel? Level);

/// <summary>The portfolio as asked for, and every country among the user's assessments (for the filter), A–Z.</summary>
public sealed record PortfolioView(IReadOnlyList<PortfolioRow> Items, IReadOnlyList<string> Countries);
