using RiskIntel.Core.Documents;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>What an analysis reads: the partner, its parsed documents, and the 35 gap fields as the analyst reviewed them.</summary>
public sealed record RiskAnalysisRequest(
    string CompanyName,
    string CompanyType,
    string? Country,
    IReadOnlyList<DocumentText> Documents,
    IReadOnlyList<ReviewedGap> Gaps)
{
    /// <summary>
    /// One gap per field in taxonomy order. A field the review left out counts as <see cref="ReviewedGapStatus.Missing"/>;
    /// an unknown or repeated field key is a validation error.
    /// </summary>
    internal IReadOnlyList<ReviewedGap> GapsInTaxonomyOrder()
    {
        var unknown = Gaps.Where(g => RiskTaxonomy.Find(g.Field) is null).Select(g => g.Field).ToList();
        if (unknown.Count > 0)
        {
            throw new InputValidationException($"unknown gap field {string.Join(", ", unknown)}");
        }

        var repeated = Gaps.GroupBy(g => g.Field, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new InputValidationException($"gap field reviewed twice: {string.Join(", ", repeated)}");
        }

        var byField = Gaps.ToDictionary(g => g.Field, StringComparer.Ordinal);
        return RiskTaxonomy.Fields
            .Select(f => byField.GetValueOrDefault(f.Key) ?? new ReviewedGap(f.Key, ReviewedGapStatus.Missing, null, [], null))
            .ToList();
    }
}

/// <summary>
/// One of the 35 gap fields after review: what gap detection found (status, value, evidence) and the analyst's
/// correction, which counts as evidence and is scanned by the same rules as the documents.
/// </summary>
public sealed record ReviewedGap(
    string Field,
    ReviewedGapStatus Status,
    string? ExtractedValue,
    IReadOnlyList<Evidence> Evidence,
    string? Correction,
    bool IsMandatory = false)
{
    internal string? CorrectionText => string.IsNullOrWhiteSpace(Correction) ? null : Correction.Trim();
}

/// <summary>How much the documents say about a field (SPEC §8): nothing, something, or enough with figures or evidence.</summary>
public enum ReviewedGapStatus
{
    Missing,
    Partial,
    Verified,
}
