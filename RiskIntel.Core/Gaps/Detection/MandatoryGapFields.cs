namespace RiskIntel.Core.Gaps.Detection;

/// <summary>
/// The one table of fields an analyst must have VERIFIED, or corrected, before risk analysis can be submitted:
/// the facts a lender cannot decide without. Engines take <c>isMandatory</c> from here, never from a model.
/// </summary>
public static class MandatoryGapFields
{
    public static IReadOnlyList<MandatoryGapField> All { get; } =
    [
        new("FINANCIAL.revenue", "Repayment capacity starts from how much the partner earns and how stable that income is."),
        new("FINANCIAL.cost_structure", "Margins and fixed costs decide whether income can carry debt service."),
        new("FINANCIAL.credit", "Existing debt, repayment record and collateral set how much more the partner can borrow."),
        new("FINANCIAL.liquidity", "Seasonal cash gaps are the most common cause of default in agricultural lending."),
        new("CLIMATE_ENVIRONMENTAL.weather_exposure", "Drought, flood and frost are the largest external shocks to agricultural cash flows."),
        new("CLIMATE_ENVIRONMENTAL.water_resources", "Production without a secure, permitted water source is not bankable."),
        new("BEHAVIORAL.management_competence", "The people who run the business decide how every other risk is handled."),
        new("BEHAVIORAL.governance_structure", "Who decides and who controls them determines whether commitments to a lender are kept."),
        new("OPERATIONAL.supply_chain", "A processor or aggregator without secure raw material cannot earn its projected income."),
        new("MARKET.demand", "Projections are only credible if buyers exist for the output."),
        new("GOVERNANCE_LEGAL.legal_structure", "The lender must know who the borrower is in law and whether it can contract and pledge security."),
        new("GOVERNANCE_LEGAL.regulatory_compliance", "A missing licence or permit can stop operations, and repayments, overnight."),
        new("GOVERNANCE_LEGAL.reporting_and_transparency", "Without reliable accounts none of the financial figures can be checked."),
    ];

    private static readonly HashSet<string> Keys = All.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);

    public static bool IsMandatory(string fieldKey) => Keys.Contains(fieldKey);
}

/// <summary>A mandatory field key (e.g. <c>FINANCIAL.revenue</c>) and why a lender needs it.</summary>
public sealed record MandatoryGapField(string Field, string Reason);
