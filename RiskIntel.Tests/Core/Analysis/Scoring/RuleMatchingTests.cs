using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

/// <summary>How the default rules read single sentences: negation, intentions, budget lines, headings, word boundaries.</summary>
public sealed class RuleMatchingTests
{
    [Theory]
    [InlineData("We hold crop insurance with APA since 2023.", "crop-insurance", true)]
    [InlineData("None of our members have crop insurance at present.", "crop-insurance", false)]
    [InlineData("None of our members have crop insurance at present.", "no-insurance", true)]
    [InlineData("The cooperative has no audited accounts for 2023.", "audited-accounts", false)]
    [InlineData("The cooperative has no audited accounts for 2023.", "no-audited-accounts", true)]
    [InlineData("Our accounts have not been audited by an external firm.", "audited-accounts", false)]
    [InlineData("The accounts for 2023 were audited by Ngugi & Co.", "audited-accounts", true)]
    [InlineData("The society has no arrears on its SACCO loan.", "loan-arrears", false)]
    [InlineData("The society has no arrears on its SACCO loan.", "repayment-record", true)]
    [InlineData("We plan to install drip irrigation on 40 farms next year.", "irrigation", false)]
    [InlineData("The centre will have a grading table, a weighbridge and a cold room.", "cold-chain", false)]
    [InlineData("Milk is cooled in a bulk milk cooler at the plant.", "cold-chain", true)]
    [InlineData("- Cold room (20 tonnes): KES 1.8 million", "cold-chain", false)]
    [InlineData("Drought-tolerant sorghum is grown by most members.", "drought-exposure", false)]
    [InlineData("The 2022 drought cut deliveries by a third.", "drought-exposure", true)]
    [InlineData("Members are paid through M-Pesa every month.", "mobile-payments", true)]
    [InlineData("Members have no computers and use M-Pesa for payments.", "mobile-payments", true)]
    [InlineData("Highland Creameries accounts for 94% of our revenue.", "revenue-single-buyer", true)]
    [InlineData("The floods of 2020 destroyed the access road.", "flood-and-storm-exposure", true)]
    [InlineData("Data is backed up weekly to an external drive.", "backups", true)]
    [InlineData("A standby generator keeps the coolers running.", "backups", false)]
    public void Rule_OnASentence_FiresOnlyWhenItShould(string sentence, string rule, bool fires)
    {
        Assert.Equal(fires, Fires(rule, sentence));
    }

    [Fact]
    public void Rule_OnAHeading_FindsNothingToQuote()
    {
        Assert.False(Fires("cold-chain", "Cold chain and equipment"));
        Assert.True(Fires("cold-chain", "Cold chain and equipment\nMilk is cooled in two bulk milk coolers."));
    }

    [Fact]
    public void Rule_LongSentence_IsQuotedAroundTheMatchAndStillVerifies()
    {
        var filler = string.Join(' ', Enumerable.Repeat("The society also supports members with training on animal husbandry and fodder.", 4));
        var sentence = $"{filler.TrimEnd('.')}, and two instalments were missed in 2023 so the loan was rescheduled, {filler.ToLowerInvariant()}";

        var fired = Find("loan-arrears", sentence);

        Assert.NotNull(fired);
        Assert.InRange(fired.Evidence.Quote.Length, 40, 300);
        Assert.Contains("instalments were missed", fired.Evidence.Quote, StringComparison.Ordinal);
        Assert.Equal(1, fired.Evidence.Page);
    }

    private static bool Fires(string ruleId, string text) => Find(ruleId, text) is not null;

    private static FiredRule? Find(string ruleId, string text)
    {
        var table = RiskRuleTable.Default;
        var rule = table.Subcategories.SelectMany(s => s.Rules).Single(r => r.Id == ruleId);
        var analysisText = new AnalysisText([new DocumentText(Guid.NewGuid(), "plan.pdf", [new PageText(1, text)])]);
        return new RuleMatcher(table.Negation).FindFirst(rule, null, [], analysisText.Sentences, analysisText.Verifier);
    }
}
