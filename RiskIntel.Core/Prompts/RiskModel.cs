using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Prompts;

/// <summary>The 7 × 5 risk model (<see cref="RiskTaxonomy"/>) spelled out for the default prompts.</summary>
internal static class RiskModel
{
    /// <summary>One line per category: <c>- FINANCIAL (Financial): revenue, cost structure, …</c>.</summary>
    public static string CategoryList() => string.Join(
        "\n", RiskTaxonomy.Categories.Select(c => $"- {c.Key} ({c.Label}): {string.Join(", ", c.Fields.Select(f => f.Name))}"));

    /// <summary>The 35 gap fields as <c>CATEGORY.field_name</c>, one per line.</summary>
    public static string FieldList() => string.Join(
        "\n", RiskTaxonomy.Fields.Select(f => $"- {f.Key} ({f.Name})"));

    /// <summary>The fields an analyst must confirm before analysis (<see cref="MandatoryGapFields"/>), comma-separated.</summary>
    public static string MandatoryFieldList() => string.Join(", ", MandatoryGapFields.All.Select(f => f.Field));
}
