using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Analysis;

/// <summary>
/// Two realistic business plans (pages separated by form feeds, as pdftotext writes them) and the gap review an
/// analyst would submit for each: mandatory Financial, Climate and Governance fields, some partial or missing.
/// </summary>
internal static class PlanFixtures
{
    public static readonly Guid TumainiDocument = Guid.Parse("6b1f1d8e-4c1a-4f5e-9a59-0d7b1c2a0001");
    public static readonly Guid MwangazaDocument = Guid.Parse("6b1f1d8e-4c1a-4f5e-9a59-0d7b1c2a0002");

    public const string InventedQuote = "Revenue reached KES 300 million in 2024 thanks to exports to Uganda.";

    public static DocumentText Tumaini { get; } = Load("tumaini-dairy-plan.txt", TumainiDocument);

    public static DocumentText Mwangaza { get; } = Load("mwangaza-avocado-plan.txt", MwangazaDocument);

    public static RiskAnalysisRequest TumainiRequest(params ReviewedGap[] overrides) =>
        Request("Tumaini Dairy Farmers' Co-operative Society Ltd", "dairy cooperative", Tumaini, TumainiGaps, overrides);

    public static RiskAnalysisRequest MwangazaRequest(params ReviewedGap[] overrides) =>
        Request("Mwangaza Avocado Growers Self-Help Group", "farmer group", Mwangaza, MwangazaGaps, overrides);

    public static string AllText(DocumentText document) => string.Join("\n", document.Pages.Select(p => p.Text));

    private static RiskAnalysisRequest Request(
        string name, string type, DocumentText document, (string Field, ReviewedGapStatus Status, string? Quote)[] table, ReviewedGap[] overrides)
    {
        var gaps = table.Select(g => Gap(g.Field, g.Status, g.Quote, document.DocumentId)).ToList();
        if (document == Tumaini)
        {
            gaps[0] = gaps[0] with { Evidence = [.. gaps[0].Evidence, new Evidence(InventedQuote, 1, document.DocumentId)] };
        }

        foreach (var change in overrides)
        {
            gaps[gaps.FindIndex(g => g.Field == change.Field)] = change;
        }

        return new RiskAnalysisRequest(name, type, "Kenya", [document], gaps);
    }

    public static ReviewedGap Gap(string field, ReviewedGapStatus status, string? quote, Guid document, string? correction = null) =>
        new(field, status, quote, quote is null ? [] : [new Evidence(quote, null, document)], correction, IsMandatory(field));

    public static bool IsMandatory(string field) =>
        field.StartsWith("FINANCIAL.", StringComparison.Ordinal)
        || field.StartsWith("CLIMATE_ENVIRONMENTAL.", StringComparison.Ordinal)
        || field.StartsWith("GOVERNANCE_LEGAL.", StringComparison.Ordinal);

    private static DocumentText Load(string file, Guid id)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "RiskIntel.Tests", "Core", "Analysis", "Plans", file));
        var pages = text.Split('\f').Select((page, index) => new PageText(index + 1, page)).ToList();
        return new DocumentText(id, file.Replace(".txt", ".pdf", StringComparison.Ordinal), pages);
    }

    private const ReviewedGapStatus V = ReviewedGapStatus.Verified;
    private const ReviewedGapStatus P = ReviewedGapStatus.Partial;
    private const ReviewedGapStatus M = ReviewedGapStatus.Missing;

    private static readonly (string, ReviewedGapStatus, string?)[] TumainiGaps =
    [
        ("FINANCIAL.revenue", V, "Revenue grew from KES 168 million in 2022 to KES 214 million in 2024"),
        ("FINANCIAL.cost_structure", V, "Payments to members account for 81% of revenue, transport and cooling for 7%, and staff and administration for 6%."),
        ("FINANCIAL.credit", V, "The society has one loan, of KES 6 million from Ushirika SACCO, taken in 2021 for the first cooler."),
        ("FINANCIAL.liquidity", P, "A reserve fund of KES 3.5 million is kept in a fixed deposit with Equity Bank."),
        ("FINANCIAL.capital_structure", V, "Member share capital stands at KES 24 million and retained earnings at KES 11 million"),
        ("CLIMATE_ENVIRONMENTAL.weather_exposure", V, "The 2022 drought reduced milk deliveries by 35% between January and April of that year."),
        ("CLIMATE_ENVIRONMENTAL.climate_adaptation", V, "430 members now make silage or store hay for the dry season"),
        ("CLIMATE_ENVIRONMENTAL.water_resources", P, "members have built 140 water pans to water their animals during the dry season"),
        ("CLIMATE_ENVIRONMENTAL.biodiversity_impact", V, "Members have planted 12,000 indigenous trees along the riparian zone of the Malewa river since 2019"),
        ("CLIMATE_ENVIRONMENTAL.carbon_footprint", M, null),
        ("BEHAVIORAL.management_competence", V, "who has 12 years of experience in dairy processing and holds a diploma in dairy technology"),
        ("BEHAVIORAL.governance_structure", V, "The bylaws were revised in 2021 to introduce term limits"),
        ("BEHAVIORAL.compliance_and_ethics", P, "During the 2022 drought some members resorted to side-selling to brokers"),
        ("BEHAVIORAL.innovation_capacity", V, "Our yoghurt line, piloted in 2023, now sells 900 litres a week"),
        ("BEHAVIORAL.stakeholder_relations", V, "long-standing relationship with the Nyandarua County livestock department"),
        ("OPERATIONAL.supply_chain", V, "Milk is collected twice a day at nine collection centres"),
        ("OPERATIONAL.production_process", P, "An outbreak of foot-and-mouth disease in 2023 closed two collection centres for three weeks."),
        ("OPERATIONAL.technology_and_equipment", V, "The older cooler, installed in 2012, breaks down several times a year"),
        ("OPERATIONAL.human_resources", V, "The society employs 23 permanent staff"),
        ("OPERATIONAL.quality_control", V, "Every delivery is tested at the collection centre with a lactometer and an alcohol test"),
        ("MARKET.demand", V, "Kenya's demand for processed dairy products is growing at about six per cent a year"),
        ("MARKET.competition", P, "Competition from brokers and small processors is intense during the dry season"),
        ("MARKET.pricing_power", V, "The raw-milk price is set by Highland Creameries each month."),
        ("MARKET.distribution_channels", V, "Highland Creameries Ltd is our only buyer for raw milk"),
        ("MARKET.regulatory_market_access", V, "The society is licensed by the Kenya Dairy Board as a milk cooler and processor"),
        ("GOVERNANCE_LEGAL.legal_structure", V, "registered under the Co-operative Societies Act (Cap. 490), registration number CS/7781"),
        ("GOVERNANCE_LEGAL.contracts", V, "Our supply agreement with Highland Creameries is a written contract that is renewed every two years."),
        ("GOVERNANCE_LEGAL.intellectual_property", M, null),
        ("GOVERNANCE_LEGAL.regulatory_compliance", V, "The society holds a valid tax compliance certificate"),
        ("GOVERNANCE_LEGAL.reporting_and_transparency", V, "The accounts for 2022 and 2023 were audited by Mwangi & Partners"),
        ("TECHNOLOGY_DATA.it_infrastructure", V, "The office has four computers and a fibre internet connection."),
        ("TECHNOLOGY_DATA.data_management", V, "The society's accounts are kept in QuickBooks by the accountant."),
        ("TECHNOLOGY_DATA.cybersecurity", P, "Data is backed up every Friday to an external hard drive"),
        ("TECHNOLOGY_DATA.digital_tools", V, "Members are paid on the 10th of every month through M-Pesa or bank transfer."),
        ("TECHNOLOGY_DATA.analytics_capability", V, "The General Manager reviews a monthly dashboard of deliveries per member"),
    ];

    private static readonly (string, ReviewedGapStatus, string?)[] MwangazaGaps =
    [
        ("FINANCIAL.revenue", V, "The group earned sales of KES 13.6 million in 2024, compared with KES 15.1 million in 2023."),
        ("FINANCIAL.cost_structure", M, null),
        ("FINANCIAL.credit", V, "a group loan of KES 800,000 from Faulu Microfinance is in arrears since October 2024"),
        ("FINANCIAL.liquidity", P, "three to six weeks after delivery, when the exporter pays the group"),
        ("FINANCIAL.capital_structure", M, null),
        ("CLIMATE_ENVIRONMENTAL.weather_exposure", V, "erratic rainfall during flowering reduced the harvest by about 30%"),
        ("CLIMATE_ENVIRONMENTAL.climate_adaptation", V, "All our orchards are rain-fed."),
        ("CLIMATE_ENVIRONMENTAL.water_resources", P, "Forty members have dug farm ponds to store rainwater"),
        ("CLIMATE_ENVIRONMENTAL.biodiversity_impact", P, "most members keep coffee and bananas between the rows"),
        ("CLIMATE_ENVIRONMENTAL.carbon_footprint", M, null),
        ("BEHAVIORAL.management_competence", V, "The group has no paid manager."),
        ("BEHAVIORAL.governance_structure", V, "In practice the chairman, Mr. John Mwangi, makes all the decisions on buyers and prices"),
        ("BEHAVIORAL.compliance_and_ethics", V, "In 2022 the former treasurer misappropriated KES 180,000 from the group's harvest account."),
        ("BEHAVIORAL.innovation_capacity", P, "run demonstration plots on grafting, pruning and pest control"),
        ("BEHAVIORAL.stakeholder_relations", M, null),
        ("OPERATIONAL.supply_chain", P, "fruit waits in the shed for up to two days before the exporter's truck arrives"),
        ("OPERATIONAL.production_process", V, "Fruit fly and thrips cause most of the damage"),
        ("OPERATIONAL.technology_and_equipment", V, "The weighing scales are old and have broken down twice during the peak season."),
        ("OPERATIONAL.human_resources", P, "The secretary and the treasurer do the work part-time"),
        ("OPERATIONAL.quality_control", V, "In 2024 Greenline Exports rejected 18% of the fruit we delivered"),
        ("MARKET.demand", V, "There is growing demand for certified fruit"),
        ("MARKET.competition", V, "Competition from brokers is strong."),
        ("MARKET.pricing_power", V, "the export price fell from KES 90 per kilogram in early 2023 to KES 55 per kilogram in 2024"),
        ("MARKET.distribution_channels", V, "The group sells to two exporters, Kakuzi Fresh and Greenline Exports"),
        ("MARKET.regulatory_market_access", P, "exporters must now show that their fruit comes from registered growers"),
        ("GOVERNANCE_LEGAL.legal_structure", V, "it is not yet registered as a co-operative society"),
        ("GOVERNANCE_LEGAL.contracts", V, "There are no written contracts"),
        ("GOVERNANCE_LEGAL.intellectual_property", V, "The group has no trademark and does not sell under its own brand."),
        ("GOVERNANCE_LEGAL.regulatory_compliance", P, "it does not yet have a KRA PIN in its own name"),
        ("GOVERNANCE_LEGAL.reporting_and_transparency", V, "Our accounts have never been audited."),
        ("TECHNOLOGY_DATA.it_infrastructure", V, "The group has no computer."),
        ("TECHNOLOGY_DATA.data_management", V, "Records of deliveries and payments are kept in exercise books"),
        ("TECHNOLOGY_DATA.cybersecurity", V, "Delivery records are not backed up"),
        ("TECHNOLOGY_DATA.digital_tools", P, "The secretary uses her own smartphone to send messages to members through a WhatsApp group"),
        ("TECHNOLOGY_DATA.analytics_capability", V, "the group does not analyse its delivery data"),
    ];
}
