using RiskIntel.Core.Analysis;

namespace RiskIntel.Tests.Core.Reports.Samples;

/// <summary>The narrative texts and recommendations of the sample report, as a narrative composer might write them.</summary>
internal static class SampleTexts
{
    public const string ExecutiveSummary =
        "Nyeri Highlands Dairy Cooperative asks for a KES 60 million working-capital facility to pre-finance members' milk deliveries over the 2027 dry season. "
        + "The cooperative is well run and transparent, but its finances are stretched and its income depends on one processor and on the rains.\n\n"
        + "The overall risk is MODERATE (43.9). Two categories are rated HIGH: Financial (56.4), driven by a current ratio of 0.8 and debt-to-equity of 3.4, "
        + "and Climate-Environmental (55.0), where two failed long-rains seasons in four years cut intake by up to 38%. Market risk (50.0) is HIGH because the "
        + "cooperative is a price-taker with a single outlet.\n\n"
        + "We recommend approval subject to conditions: tranche disbursement tied to the intake calendar, a minimum cash covenant, livestock insurance for large "
        + "suppliers, and the water abstraction permit before first drawdown.";

    public const string OverallProfile =
        "The profile is uneven. Governance & Legal (25.0) and Behavioral (32.6) are the strongest areas: the society is properly registered, its accounts carry an "
        + "unqualified audit opinion, and management has been stable since 2016. Operations (44.4) and Technology & Data (43.8) show the gaps of a growing "
        + "cooperative: lapsed service contracts, paper records and a shared login for bulk payments.\n\n"
        + "The weaknesses concentrate where they matter most for a working-capital facility: liquidity, leverage, weather exposure and dependence on one buyer. "
        + "These risks compound in a drought year, when intake falls, cash tightens and competitors bid for members' milk.";

    public const string Method =
        "Each of the 35 subcategories starts from a baseline score and is moved by drivers: rules matched against the documents and the analyst's corrections. "
        + "A quote is shown as evidence only when it occurs verbatim in the parsed document text; the page given is the page of the parsed document where it occurs.\n\n"
        + "A category's score is the mean of its five subcategory scores, and the overall score is the mean of the seven category scores. Scores run from 0 to 100, "
        + "higher is riskier. The narrative texts were drafted by a language model from the scores and evidence and reviewed by the analyst, who may also edit "
        + "recommendations; an edited recommendation is marked, and the original remains on record.";

    public static IReadOnlyDictionary<string, string> Narratives { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["FINANCIAL"] = "Liquidity is the main concern: year-end cash covered only 5% of current liabilities, and the auditors drew attention to the reliance on the overdraft. "
            + "Leverage rose sharply with the 2024 cooling plant expansion.\n\nRevenue is growing, but 64% of it comes from one processor on a one-year agreement, so a loss of that buyer would quickly turn a tight position into a default.",
        ["CLIMATE_ENVIRONMENTAL"] = "Weather exposure is CRITICAL. The catchment has had two failed long-rains seasons in four years, and intake fell by 38% in the 2022 drought.\n\n"
            + "Adaptation is planned rather than delivered: the fodder bank is budgeted for 2027 and no member training has taken place. The unlicensed borehole is a compliance gap that is easy to close.",
        ["BEHAVIORAL"] = "Management is experienced and stable, and the cooperative adopted mobile payments early. The weighing discrepancies found in 2024 were acted on, "
            + "but they show that collection centres need better controls.\n\nMember relations are generally good; late payments caused two petitions in 2025.",
        ["OPERATIONAL"] = "The plant has spare capacity, but its 2019 pasteuriser stopped four times last year and the service contract has lapsed. "
            + "Two collection routes exceed the cold-chain window, which is consistent with the 9% of batches that failed bacterial limits.",
        ["MARKET"] = "Demand for processed milk is growing, but the cooperative has no pricing power and a single distribution channel. Competitors pay more in the dry season, "
            + "exactly when the cooperative needs its members' loyalty most.",
        ["GOVERNANCE_LEGAL"] = "The legal position is sound: proper registration, a registered brand, a clean public health inspection and an unqualified audit. "
            + "The one weakness is the short supply agreement, which the processor has offered to renegotiate.",
        ["TECHNOLOGY_DATA"] = "Systems are basic for an organisation paying 1,200 members: a single desktop for the accounts, paper intake ledgers and a shared login for bulk payments. "
            + "None of these is expensive to fix, and fixing them would also give the lender better monitoring data.",
    };

    public static IReadOnlyList<(string Category, string Text, RecommendationPriority Priority, bool Edited)> Recommendations { get; } =
    [
        ("FINANCIAL", "Disburse the facility in three tranches tied to the milk intake calendar, with a minimum cash balance covenant of KES 5 million.", RecommendationPriority.High, true),
        ("FINANCIAL", "Make clearing the 46-day arrears on the equipment lease a condition precedent to the first drawdown.", RecommendationPriority.High, false),
        ("CLIMATE_ENVIRONMENTAL", "Require index-based livestock insurance for all members supplying more than 50 litres a day, with the cooperative as loss payee.", RecommendationPriority.High, false),
        ("CLIMATE_ENVIRONMENTAL", "Obtain the Water Resources Authority abstraction permit for the plant borehole before disbursement.", RecommendationPriority.High, false),
        ("MARKET", "Negotiate a minimum farm-gate price clause and a three-year term in the next supply agreement with the processor.", RecommendationPriority.Medium, true),
        ("OPERATIONAL", "Renew the pasteuriser service contract and keep critical spare parts on site.", RecommendationPriority.Medium, false),
        ("OPERATIONAL", "Install bulk coolers on the two collection routes that exceed three hours.", RecommendationPriority.Medium, false),
        ("TECHNOLOGY_DATA", "Introduce individual logins and two-person approval for M-Pesa bulk payments.", RecommendationPriority.Medium, false),
        ("FINANCIAL", "Cap further borrowing until debt-to-equity falls below 2.5, tested on the audited accounts.", RecommendationPriority.Medium, false),
        ("BEHAVIORAL", "Install digital scales with printed receipts at every collection centre within twelve months.", RecommendationPriority.Low, false),
        ("TECHNOLOGY_DATA", "Move the accounting system to a hosted service with daily backups.", RecommendationPriority.Low, false),
        ("GOVERNANCE_LEGAL", "Require quarterly management accounts within 30 days of each quarter end.", RecommendationPriority.Low, false),
    ];
}
