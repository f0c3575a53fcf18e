using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps.Detection;

namespace RiskIntel.Tests.Core.Gaps.Detection;

public sealed class GapVerificationTests
{
    private const string Revenue = "FINANCIAL.revenue";
    private const string RealQuote = "In 2024 the Society received 7.9 million litres of milk from members";
    private static readonly QuoteVerifier Verifier = new(
    [
        new DocumentText(Guid.Parse("0b6e1f1a-9a3c-4d4b-8a43-3f0e0c2d6a11"), "plan.pdf",
        [
            new PageText(1, "Ndaragwa Highlands Dairy.\nIn 2024 the Society received 7.9 million\nlitres of milk from members."),
            new PageText(2, "Milk sales were KES 402.7 million in 2024, up from KES 371.9 million."),
        ]),
    ]);

    [Fact]
    public void Apply_AllQuotesFound_KeepsTheClaimWithPagesFromTheText()
    {
        var gap = Single(Claim(GapStatus.Verified, "Milk sales were KES 402.7 million in 2024", new QuoteClaim("Milk sales were KES 402.7 million in 2024", 1)));

        Assert.Equal(GapStatus.Verified, gap.Status);
        Assert.Equal(2, gap.Evidence.Single().Page);
        Assert.Empty(gap.DroppedQuotes);
        Assert.Empty(gap.Notes);
    }

    [Fact]
    public void Apply_AnInventedQuoteNextToARealOne_DropsItAndLowersVerifiedToPartial()
    {
        var gap = Single(Claim(GapStatus.Verified, null, new QuoteClaim("Revenue reached KES 900 million in 2024.", 2), new QuoteClaim(RealQuote, 1)));

        Assert.Equal(GapStatus.Partial, gap.Status);
        Assert.Equal(RealQuote, gap.Evidence.Single().Quote);
        Assert.Equal(["Revenue reached KES 900 million in 2024."], gap.DroppedQuotes);
        Assert.Equal("1 quote(s) not found in the documents were dropped; lowered from VERIFIED to PARTIAL", gap.Notes.Single());
        Assert.Equal(RealQuote, gap.ExtractedValue);
    }

    [Fact]
    public void Apply_OnlyInventedQuotes_LowersToMissing()
    {
        var gap = Single(Claim(GapStatus.Verified, "KES 900 million", new QuoteClaim("Revenue reached KES 900 million in 2024.", 2)));

        Assert.Equal(GapStatus.Missing, gap.Status);
        Assert.Null(gap.ExtractedValue);
        Assert.Empty(gap.Evidence);
        Assert.Equal(2, gap.DroppedQuotes.Count);
    }

    [Fact]
    public void Apply_AnInventedQuoteOnAMentionedField_StaysPartial()
    {
        var gap = Single(Claim(GapStatus.Partial, null, new QuoteClaim("Sales are expected to grow strongly.", null)) with { Mentioned = true });

        Assert.Equal(GapStatus.Partial, gap.Status);
        Assert.Single(gap.DroppedQuotes);
    }

    [Fact]
    public void Apply_VerifiedWithoutAnyQuote_IsLowered()
    {
        var gap = Single(Claim(GapStatus.Verified, null));

        Assert.Equal(GapStatus.Missing, gap.Status);
        Assert.Contains("no quote found in the documents supports VERIFIED", gap.Notes.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AParaphrasedValue_IsReplacedByAVerifiedQuote()
    {
        var gap = Single(Claim(GapStatus.Verified, "about KES 400m of milk sales", new QuoteClaim("Milk sales were KES 402.7 million in 2024", 2)));

        Assert.Equal(GapStatus.Verified, gap.Status);
        Assert.Equal("Milk sales were KES 402.7 million in 2024", gap.ExtractedValue);
        Assert.Equal(["about KES 400m of milk sales"], gap.DroppedQuotes);
    }

    [Fact]
    public void Apply_FieldsWithoutAClaim_AreMissingAndAllThirtyFiveAreReturned()
    {
        var gaps = GapVerification.Apply(new Dictionary<string, GapCandidate>(), Verifier);

        Assert.Equal(35, gaps.Count);
        Assert.All(gaps, g => Assert.Equal(GapStatus.Missing, g.Status));
        Assert.True(gaps[0].IsMandatory);
    }

    private static GapCandidate Claim(GapStatus status, string? value, params QuoteClaim[] quotes) =>
        new(Revenue, status, value, quotes, [], []);

    private static DetectedGap Single(GapCandidate candidate) =>
        GapVerification.Apply(new Dictionary<string, GapCandidate> { [candidate.Field] = candidate }, Verifier).Single(g => g.Field == candidate.Field);
}
