using System.Text.Json;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>The values of the RISK_ANALYSIS prompt's placeholders: the partner, the reviewed gaps as JSON, and the (budgeted) text.</summary>
internal static class RiskAnalysisPromptVariables
{
    public static Dictionary<string, JsonElement> Build(
        RiskAnalysisRequest request, IReadOnlyList<ReviewedGap> gaps, QuoteVerifier verifier, string documentText) => new()
    {
        ["companyName"] = JsonSerializer.SerializeToElement(request.CompanyName),
        ["companyType"] = JsonSerializer.SerializeToElement(request.CompanyType),
        ["country"] = JsonSerializer.SerializeToElement(request.Country ?? "country not given"),
        ["gaps"] = JsonSerializer.SerializeToElement(gaps.Select(g => Gap(g, verifier)), ApiJson.Options),
        ["documentText"] = JsonSerializer.SerializeToElement(documentText),
    };

    // Only evidence that is really in the text is shown, so the model is not invited to repeat an invented quote.
    private static object Gap(ReviewedGap gap, QuoteVerifier verifier) => new
    {
        field = gap.Field,
        label = RiskTaxonomy.Find(gap.Field)!.Label,
        status = gap.Status,
        isMandatory = gap.IsMandatory,
        extractedValue = gap.ExtractedValue,
        evidence = gap.Evidence
            .Select(e => verifier.Verify(e.Quote, e.Page, e.DocumentId))
            .OfType<Evidence>()
            .Select(e => new { quote = e.Quote, page = e.Page }),
        correction = gap.CorrectionText,
    };
}
