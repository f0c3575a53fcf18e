using RiskIntel.Core.Analysis;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Risk;

namespace RiskIntel.Tests.Core.Analysis;

public sealed class DocumentEvidenceTests
{
    private const string Correction = "Confirmed with the manager: liquidity is covered in the 2025 annual report.";

    [Fact]
    public void Of_ACorrectionCarriedAsEvidence_LeavesOnlyTheDocumentsQuotes()
    {
        var quote = new Evidence("Buyers pay within 45 days of delivery.", 4, Guid.NewGuid());
        var sub = Subcategory([quote, new Evidence("  " + Correction + " ", null, null)], Correction);

        Assert.Equal([quote], DocumentEvidence.Of(sub));
    }

    [Fact]
    public void Of_APagelessQuoteThatIsNotTheCorrection_IsKept()
    {
        var pageless = new Evidence("Members are paid monthly.", null, null);
        var sub = Subcategory([pageless], Correction);

        Assert.Equal([pageless], DocumentEvidence.Of(sub));
    }

    private static SubcategoryScore Subcategory(IReadOnlyList<Evidence> evidence, string? correction) =>
        new("FINANCIAL.liquidity", "Liquidity", 53, RiskLevel.High, evidence, correction, [], "Keep a cash reserve for the dry season.");
}
