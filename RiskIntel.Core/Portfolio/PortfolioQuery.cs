using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Portfolio;

/// <summary>
/// Which assessments and in what order: any of <see cref="Levels"/> (overall, latest analysis; empty is all, and
/// unanalysed ones only show when no level is asked for), one <see cref="Country"/> ignoring case, sorted by
/// <see cref="Sort"/>.
/// </summary>
public sealed record PortfolioQuery(IReadOnlySet<RiskLevel>? Levels = null, string? Country = null, PortfolioSort? Sort = null, bool Descending = false)
{
    /// <summary>Riskiest first when nothing else is asked for.</summary>
    public static PortfolioQuery Default { get; } = new();

    public PortfolioSort EffectiveSort => Sort ?? PortfolioSort.Overall;

    public bool EffectiveDescending => Sort is null || Descending;

    /// <summary>Whether a row belongs in this view: what a live update uses to let a row enter or leave it.</summary>
    public bool Matches(PortfolioRow row) =>
        (Levels is not { Count: > 0 } || (row.OverallLevel is { } level && Levels.Contains(level)))
        && (string.IsNullOrWhiteSpace(Country) || string.Equals(row.Country?.Trim(), Country.Trim(), StringComparison.OrdinalIgnoreCase));
}
