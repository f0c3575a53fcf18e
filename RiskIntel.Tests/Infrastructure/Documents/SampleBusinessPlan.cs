namespace RiskIntel.Tests.Infrastructure.Documents;

/// <summary>A short but realistic business plan of an agricultural cooperative, as Markdown.</summary>
public static class SampleBusinessPlan
{
    public const string Title = "Business Plan 2026-2028: Lakeside Maize Cooperative";
    public const string Author = "Grace Achieng";

    public const string Markdown = """
        # Lakeside Maize Cooperative
        Lakeside Maize Cooperative is a registered cooperative society of 412 smallholder farmers in Kisumu County, Kenya. Members grow maize, beans and sorghum on plots of one to five acres and deliver their harvest to the cooperative store in Ahero, where it is dried, graded and sold in bulk to millers and the National Cereals and Produce Board.

        ## Financial position
        Revenue for 2025 was KES 48.2 million, up from KES 39.5 million in 2024, mainly from higher delivered volumes. Operating costs are dominated by transport, drying fuel and staff salaries. The cooperative holds a working capital loan of KES 6 million from Equity Bank at 13 percent, repayable over three years, and has never missed an instalment.

        | Item | 2024 | 2025 | 2026 plan |
        |---|---|---|---|
        | Revenue (KES m) | 39.5 | 48.2 | 55.0 |
        | Operating costs (KES m) | 33.1 | 40.6 | 45.8 |
        | Net surplus (KES m) | 6.4 | 7.6 | 9.2 |
        | Members | 368 | 412 | 460 |

        ## Climate and water
        Rainfall in the Nyando basin has become less predictable; the long rains of 2024 started five weeks late. Forty members irrigate from the Nyando river with treadle pumps, and the cooperative plans a shared borehole with solar pumping for the dry season. Flooding of low-lying plots remains the largest weather exposure.

        \pagebreak

        # Operations
        The store handles up to 3,000 tonnes per season. Grain is dried on tarpaulins and in one diesel dryer bought in 2021; moisture is checked with two calibrated meters before grading. Aflatoxin testing is done by an accredited laboratory in Kisumu on every lot sold to millers.

        ## Governance
        An elected board of seven members meets monthly and publishes audited accounts at the annual general meeting. The manager reports to the board and signs contracts above KES 500,000 only with the chairperson. An internal auditor reviews payments every quarter.

        ## Market and pricing
        Three millers in Kisumu buy about 70 percent of the volume under seasonal contracts with prices indexed to the Nairobi wholesale price. The remaining volume is sold to the National Cereals and Produce Board, which pays late but at a guaranteed floor price.
        """;

    public static SampleDocument Document() => SampleMarkdown.Parse(Markdown, Title, Author);
}
