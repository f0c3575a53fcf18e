namespace RiskIntel.Core.Risk;

/// <summary>
/// The 7 categories × 5 subcategories every assessment is scored on (SPEC §8). A field key is
/// <c>CATEGORY.snake_case</c> with <c>&amp;</c> written <c>and</c>, e.g. <c>BEHAVIORAL.compliance_and_ethics</c>.
/// </summary>
public static class RiskTaxonomy
{
    public static IReadOnlyList<RiskCategory> Categories { get; } =
    [
        Category("FINANCIAL", "Financial", "revenue", "cost structure", "credit", "liquidity", "capital structure"),
        Category("CLIMATE_ENVIRONMENTAL", "Climate-Environmental", "weather exposure", "climate adaptation", "water resources", "biodiversity impact", "carbon footprint"),
        Category("BEHAVIORAL", "Behavioral", "management competence", "governance structure", "compliance & ethics", "innovation capacity", "stakeholder relations"),
        Category("OPERATIONAL", "Operational", "supply chain", "production process", "technology & equipment", "human resources", "quality control"),
        Category("MARKET", "Market", "demand", "competition", "pricing power", "distribution channels", "regulatory market access"),
        Category("GOVERNANCE_LEGAL", "Governance & Legal", "legal structure", "contracts", "intellectual property", "regulatory compliance", "reporting & transparency"),
        Category("TECHNOLOGY_DATA", "Technology & Data", "IT infrastructure", "data management", "cybersecurity", "digital tools", "analytics capability"),
    ];

    /// <summary>The 35 fields in category order.</summary>
    public static IReadOnlyList<RiskField> Fields { get; } = Categories.SelectMany(c => c.Fields).ToList();

    private static readonly Dictionary<string, RiskField> ByKey = Fields.ToDictionary(f => f.Key, StringComparer.Ordinal);

    public static RiskField? Find(string fieldKey) => ByKey.GetValueOrDefault(fieldKey);

    public static RiskCategory? FindCategory(string categoryKey) =>
        Categories.FirstOrDefault(c => string.Equals(c.Key, categoryKey, StringComparison.Ordinal));

    /// <summary><c>compliance &amp; ethics</c> → <c>compliance_and_ethics</c>.</summary>
    public static string FieldName(string subcategory)
    {
        var words = subcategory.Replace("&", "and", StringComparison.Ordinal)
            .Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join('_', words).ToLowerInvariant();
    }

    private static RiskCategory Category(string key, string label, params string[] subcategories) =>
        new(key, label, subcategories.Select(s => new RiskField($"{key}.{FieldName(s)}", key, s, Capitalise(s))).ToList());

    private static string Capitalise(string name) =>
        name.StartsWith("IT ", StringComparison.Ordinal) ? name : char.ToUpperInvariant(name[0]) + name[1..];
}

/// <summary>A category such as <c>FINANCIAL</c> ("Financial") and its five fields.</summary>
public sealed record RiskCategory(string Key, string Label, IReadOnlyList<RiskField> Fields);

/// <summary>One of the 35 fields: <c>FINANCIAL.cost_structure</c>, subcategory "cost structure", label "Cost structure".</summary>
public sealed record RiskField(string Key, string Category, string Name, string Label);
