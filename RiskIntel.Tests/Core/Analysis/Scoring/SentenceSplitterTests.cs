using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_PageText_KeepsAbbreviationsHeadingsAndListItemsApart()
    {
        const string page = "3. Governance and Management\n\nBoard and Bylaws\nThe society is registered under the Co-operative Societies Act (Cap. 490), no. CS/7781.\n"
            + "It is run by Mr. Peter Kariuki, who has a diploma, e.g. in dairy technology. Staff turnover\nwas high in 2024.\n"
            + "- Land: KES 1.2 million\n- Cold room: KES 1.8 million";

        var sentences = SentenceSplitter.Split(page).ToList();

        Assert.Equal(
        [
            "3. Governance and Management",
            "Board and Bylaws",
            "The society is registered under the Co-operative Societies Act (Cap. 490), no. CS/7781.",
            "It is run by Mr. Peter Kariuki, who has a diploma, e.g. in dairy technology.",
            "Staff turnover was high in 2024.",
            "- Land: KES 1.2 million",
            "- Cold room: KES 1.8 million",
        ], sentences);
        Assert.True(SentenceSplitter.IsHeading(sentences[1]));
        Assert.False(SentenceSplitter.IsHeading(sentences[2]));
        Assert.False(SentenceSplitter.IsHeading(sentences[5]));
    }

    [Fact]
    public void Split_EverySentenceOfTheTestPlans_IsFoundByTheQuoteVerifier()
    {
        foreach (var plan in new[] { PlanFixtures.Tumaini, PlanFixtures.Mwangaza })
        {
            var verifier = new QuoteVerifier([plan]);
            foreach (var page in plan.Pages)
            {
                Assert.All(SentenceSplitter.Split(page.Text).Where(s => s.Replace(" ", "", StringComparison.Ordinal).Length >= 8),
                    s => Assert.Equal(page.Page, verifier.Verify(s, page.Page)?.Page));
            }
        }
    }
}
