using RiskIntel.Core.Documents;

namespace RiskIntel.Core.Analysis;

/// <summary>
/// The quotes of a subcategory that come from the documents. The analyst's correction is also carried as evidence
/// without a page (it is what the score rests on); where a subcategory is shown with its correction beside it,
/// that echo is left out so the correction reads once, as a correction, not as a quote with an unknown page.
/// </summary>
public static class DocumentEvidence
{
    public static IEnumerable<Evidence> Of(SubcategoryScore subcategory) => subcategory.Evidence.Where(e =>
        e.Page is not null || !string.Equals(e.Quote.Trim(), subcategory.Correction?.Trim(), StringComparison.Ordinal));
}
