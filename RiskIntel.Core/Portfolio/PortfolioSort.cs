using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Portfolio;

/// <summary>
/// A column to sort the portfolio by, written as in a URL: <c>name</c>, <c>companyName</c>, <c>country</c>,
/// <c>status</c>, <c>overall</c>, <c>analyzedAt</c>, <c>version</c>, or a category key such as <c>FINANCIAL</c>.
/// </summary>
public sealed record PortfolioSort
{
    private static readonly string[] Fixed = ["name", "companyName", "country", "status", "overall", "analyzedAt", "version"];

    private PortfolioSort(string code) => Code = code;

    public static PortfolioSort Name { get; } = new("name");

    public static PortfolioSort CompanyName { get; } = new("companyName");

    public static PortfolioSort Country { get; } = new("country");

    public static PortfolioSort Status { get; } = new("status");

    public static PortfolioSort Overall { get; } = new("overall");

    public static PortfolioSort AnalyzedAt { get; } = new("analyzedAt");

    public static PortfolioSort Version { get; } = new("version");

    /// <summary>Every code <see cref="TryParse"/> accepts, for error messages and headers.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Fixed, .. RiskTaxonomy.Categories.Select(c => c.Key)];

    public string Code { get; }

    /// <summary>The category key when sorting by a category's score, else null.</summary>
    public string? Category => RiskTaxonomy.FindCategory(Code)?.Key;

    /// <summary>Scores and dates read best highest first; names A–Z.</summary>
    public bool DescendingByDefault => Category is not null || Code is "overall" or "analyzedAt" or "version";

    public static PortfolioSort ForCategory(RiskCategory category) => new(category.Key);

    /// <summary>Ignores case; blank is "not given" (null) and succeeds.</summary>
    public static bool TryParse(string? text, out PortfolioSort? sort)
    {
        sort = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var code = Codes.FirstOrDefault(c => string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase));
        sort = code is null ? null : new PortfolioSort(code);
        return code is not null;
    }

    public override string ToString() => Code;
}
