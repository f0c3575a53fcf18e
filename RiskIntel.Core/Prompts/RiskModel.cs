namespace RiskIntel.Core.Prompts;

/// <summary>The 7 categories × 5 subcategories every assessment is scored on (SPEC §8), as the default prompts spell them out.</summary>
internal static class RiskModel
{
    public static IReadOnlyList<(string Category, string Key, string[] Subcategories)> Categories { get; } =
    [
        ("Financial", "FINANCIAL", ["revenue", "cost structure", "credit", "liquidity", "capital structure"]),
        ("Climate-Environmental", "CLIMATE_ENVIRONMENTAL", ["weather exposure", "climate adaptation", "water resources", "biodiversity impact", "carbon footprint"]),
        ("Behavioral", "BEHAVIORAL", ["management competence", "governance structure", "compliance & ethics", "innovation capacity", "stakeholder relations"]),
        ("Operational", "OPERATIONAL", ["supply chain", "production process", "technology & equipment", "human resources", "quality control"]),
        ("Market", "MARKET", ["demand", "competition", "pricing power", "distribution channels", "regulatory market access"]),
        ("Governance & Legal", "GOVERNANCE_LEGAL", ["legal structure", "contracts", "intellectual property", "regulatory compliance", "reporting & transparency"]),
        ("Technology & Data", "TECHNOLOGY_DATA", ["IT infrastructure", "data management", "cybersecurity", "digital tools", "analytics capability"]),
    ];

    /// <summary>One line per category: <c>- FINANCIAL (Financial): revenue, cost structure, …</c>.</summary>
    public static string CategoryList() => string.Join(
        "\n", Categories.Select(c => $"- {c.Key} ({c.Category}): {string.Join(", ", c.Subcategories)}"));

    /// <summary>The 35 gap fields as <c>CATEGORY.field_name</c>, one per line.</summary>
    public static string FieldList() => string.Join(
        "\n", Categories.SelectMany(c => c.Subcategories.Select(s => $"- {c.Key}.{FieldName(s)} ({s})")));

    private static string FieldName(string subcategory) =>
        string.Concat(subcategory.Replace("&", "and", StringComparison.Ordinal).Select(ch => char.IsLetterOrDigit(ch) ? ch : '_'))
            .Replace("__", "_", StringComparison.Ordinal).Replace("__", "_", StringComparison.Ordinal).ToLowerInvariant();
}
