using System.Text.Json;
using RiskIntel.Core;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Risk;

namespace RiskIntel.Tests.Core.Gaps.Detection;

public sealed class OfflineGapDetectionEngineTests
{
    private static readonly Guid DocumentId = Guid.Parse("6f1c2a1e-3b7d-4a55-9a31-0c2d5e8f9b10");

    [Fact]
    public async Task Detect_NegatedPractices_AreMentionsNotProof()
    {
        var gaps = await DetectAsync(
            "## Risks\n\nThe cooperative does not have audited accounts for 2023 or 2024. Members have no crop insurance and the society "
            + "does not yet use drought-tolerant varieties.");

        var reporting = gaps["GOVERNANCE_LEGAL.reporting_and_transparency"];
        var adaptation = gaps["CLIMATE_ENVIRONMENTAL.climate_adaptation"];
        Assert.Equal(GapStatus.Partial, reporting.Status);
        Assert.Contains("negated:audited", reporting.MatchedTerms);
        Assert.Contains("negated", reporting.Notes.Single(), StringComparison.Ordinal);
        Assert.Equal(GapStatus.Partial, adaptation.Status);
        Assert.Contains("negated:crop insurance", adaptation.MatchedTerms);
    }

    [Fact]
    public async Task Detect_ThePracticeStatedPositively_IsVerified()
    {
        var gaps = await DetectAsync(
            "The accounts for 2023 were audited by Mwangi & Partners, Certified Public Accountants. Members insure their cows under "
            + "a livestock insurance scheme and grow drought-tolerant fodder.");

        Assert.Equal(GapStatus.Verified, gaps["GOVERNANCE_LEGAL.reporting_and_transparency"].Status);
        Assert.Equal(GapStatus.Verified, gaps["CLIMATE_ENVIRONMENTAL.climate_adaptation"].Status);
    }

    [Fact]
    public async Task Detect_AHeadingWithTextUnderIt_IsAtMostPartial()
    {
        var gaps = await DetectAsync("## Cybersecurity\n\nThe society will look into this next year with its IT supplier.\n\n## Staff\n\nWe employ 12 people.");

        var cyber = gaps["TECHNOLOGY_DATA.cybersecurity"];
        Assert.Equal(GapStatus.Partial, cyber.Status);
        Assert.Contains("heading", cyber.Notes.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_AnEmptyTemplateHeading_IsMissing()
    {
        var gaps = await DetectAsync("Intellectual property\n\nN/A\n\nCybersecurity\n\nTBD\n\nStaff\n\nThe society employs 23 permanent staff.");

        Assert.Equal(GapStatus.Missing, gaps["GOVERNANCE_LEGAL.intellectual_property"].Status);
        Assert.Equal(GapStatus.Missing, gaps["TECHNOLOGY_DATA.cybersecurity"].Status);
        Assert.Empty(gaps["TECHNOLOGY_DATA.cybersecurity"].Evidence);
        Assert.Equal(GapStatus.Verified, gaps["OPERATIONAL.human_resources"].Status);
    }

    [Fact]
    public async Task Detect_FalseFriends_DoNotCountAsTheTopic()
    {
        var gaps = await DetectAsync(
            "Dairy farming contributes to food security in the county. Two security guards protect the chilling plant at night, "
            + "and staff contributions go to social security. Price erosion in the flush season hurts margins. The chairman hosted a field day.");

        Assert.Equal(GapStatus.Missing, gaps["TECHNOLOGY_DATA.cybersecurity"].Status);
        Assert.Equal(GapStatus.Missing, gaps["CLIMATE_ENVIRONMENTAL.biodiversity_impact"].Status);
        Assert.Equal(GapStatus.Missing, gaps["TECHNOLOGY_DATA.it_infrastructure"].Status);
    }

    [Fact]
    public async Task Detect_FiguresInATableUnderACurrencyHeader_VerifyTheFinancialField()
    {
        var gaps = await DetectAsync("### Results\n\n| KES million | 2023 | 2024 |\n|---|---|---|\n| Milk sales | 371.9 | 402.7 |\n| Staff costs | 14.1 | 15.2 |");

        var revenue = gaps["FINANCIAL.revenue"];
        Assert.Equal(GapStatus.Verified, revenue.Status);
        Assert.Equal("Milk sales | 371.9 | 402.7", revenue.ExtractedValue);
        Assert.Contains("figure:amount", revenue.MatchedTerms);
        Assert.Equal(GapStatus.Verified, gaps["FINANCIAL.cost_structure"].Status);
    }

    [Fact]
    public async Task Detect_AFinancialTopicWithoutAFigure_IsOnlyPartial()
    {
        var gaps = await DetectAsync("Members' share capital and the Society's reserves have grown over the years.");

        Assert.Equal(GapStatus.Partial, gaps["FINANCIAL.capital_structure"].Status);
    }

    [Fact]
    public async Task Detect_Evidence_IsVerbatimWithPageAndDocument()
    {
        var gaps = await DetectAsync(
            "# Plan\n\nThe Society was founded in 1998.",
            "The Society was registered in 1998 under the Co-operative Societies Act (Cap. 490), registration number CS/8127.");

        var legal = gaps["GOVERNANCE_LEGAL.legal_structure"];
        Assert.Equal(GapStatus.Verified, legal.Status);
        var top = legal.Evidence[0];
        Assert.Equal(2, top.Page);
        Assert.Equal(DocumentId, top.DocumentId);
        Assert.StartsWith("The Society was registered in 1998 under the Co-operative Societies Act", top.Quote, StringComparison.Ordinal);
        Assert.True(legal.IsMandatory);
    }

    [Fact]
    public async Task Detect_ALongSentence_IsQuotedAroundTheMatchAtWordBoundaries()
    {
        var filler = string.Join(' ', Enumerable.Repeat("members deliver their milk every morning to the nearest centre", 8));
        var page = $"{filler} and the Society took a loan of KES 14 million from Co-operative Bank at 13 % interest, {filler}.";
        var gaps = await DetectAsync(page);

        var credit = gaps["FINANCIAL.credit"];
        Assert.Equal(GapStatus.Verified, credit.Status);
        Assert.Contains("loan of KES 14 million", credit.Evidence[0].Quote, StringComparison.Ordinal);
        Assert.True(credit.Evidence[0].Quote.Length <= 320);
        Assert.True(credit.ExtractedValue!.Length <= 200);
        Assert.Contains(credit.Evidence[0].Quote, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_RunTwice_GivesTheSameResult()
    {
        var engine = new OfflineGapDetectionEngine();
        var first = await engine.DetectAsync(SamplePlanTests.Request(), default);
        var second = await engine.DetectAsync(SamplePlanTests.Request(), default);

        Assert.Equal(JsonSerializer.Serialize(first, ApiJson.Options), JsonSerializer.Serialize(second, ApiJson.Options));
    }

    [Fact]
    public async Task Detect_Always_Gives35FieldsInTaxonomyOrderWithTheMandatoryTable()
    {
        var outcome = await new OfflineGapDetectionEngine().DetectAsync(SamplePlanTests.Request(), default);

        Assert.Equal("offline", outcome.Engine);
        Assert.Null(outcome.Model);
        Assert.Equal(RiskTaxonomy.Fields.Select(f => f.Key), outcome.Gaps.Select(g => g.Field));
        Assert.Equal(RiskTaxonomy.Fields.Select(f => f.Label), outcome.Gaps.Select(g => g.Label));
        Assert.Equal(outcome.Gaps.Select(g => MandatoryGapFields.IsMandatory(g.Field)), outcome.Gaps.Select(g => g.IsMandatory));
    }

    [Fact]
    public async Task Detect_NoDocuments_GivesThirtyFiveMissingFields()
    {
        var outcome = await new OfflineGapDetectionEngine().DetectAsync(new GapDetectionRequest("Empty", "sme", null, []), default);

        Assert.Equal(35, outcome.Gaps.Count);
        Assert.All(outcome.Gaps, g => Assert.Equal(GapStatus.Missing, g.Status));
    }

    [Fact]
    public async Task Detect_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new OfflineGapDetectionEngine().DetectAsync(SamplePlanTests.Request(), cancelled.Token));
    }

    private static async Task<Dictionary<string, DetectedGap>> DetectAsync(params string[] pages)
    {
        var document = new DocumentText(DocumentId, "plan.md", pages.Select((text, i) => new PageText(i + 1, text)).ToList());
        var outcome = await new OfflineGapDetectionEngine().DetectAsync(new GapDetectionRequest("Coop", "cooperative", "Kenya", [document]), default);
        return outcome.Gaps.ToDictionary(g => g.Field, StringComparer.Ordinal);
    }
}
