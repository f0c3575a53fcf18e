using RiskIntel.Core.Assessments;

namespace RiskIntel.Core.Portfolio;

/// <summary>
/// Sorts rows by a column. Rows without a value (not analysed, no country) come last in either direction, and ties
/// fall back to the name, so the order never depends on how the database happened to return them.
/// </summary>
public static class PortfolioOrder
{
    public static IReadOnlyList<PortfolioRow> Apply(IEnumerable<PortfolioRow> rows, PortfolioSort sort, bool descending)
    {
        var key = KeyOf(sort);
        var ordered = rows.OrderBy(r => key(r) is null ? 1 : 0);
        ordered = descending ? ordered.ThenByDescending(key, Comparer) : ordered.ThenBy(key, Comparer);
        return ordered.ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id).ToList();
    }

    private static readonly Comparer<IComparable?> Comparer = Comparer<IComparable?>.Create((a, b) => a switch
    {
        string x when b is string y => StringComparer.OrdinalIgnoreCase.Compare(x, y),
        null => b is null ? 0 : -1,
        _ => a.CompareTo(b),
    });

    private static Func<PortfolioRow, IComparable?> KeyOf(PortfolioSort sort) => sort.Code switch
    {
        "name" => r => r.Name,
        "companyName" => r => r.CompanyName,
        "country" => r => string.IsNullOrWhiteSpace(r.Country) ? null : r.Country.Trim(),
        "status" => r => StatusRank(r.Status),
        "overall" => r => r.OverallScore,
        "analyzedAt" => r => r.AnalyzedAt,
        "version" => r => r.AnalysisVersion,
        _ => r => r.Category(sort.Code)?.Score,
    };

    // The pipeline's order, so "status" reads draft → complete rather than alphabetically.
    private static int StatusRank(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => 0,
        AssessmentStatus.Analyzing => 1,
        AssessmentStatus.ActionRequired => 2,
        AssessmentStatus.Complete => 3,
        _ => 4,
    };
}
