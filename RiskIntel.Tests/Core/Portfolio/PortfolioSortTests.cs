using RiskIntel.Core.Assessments;
using RiskIntel.Core.Portfolio;
using RiskIntel.Core.Risk;

namespace RiskIntel.Tests.Core.Portfolio;

public sealed class PortfolioSortTests
{
    [Theory]
    [InlineData("overall", "overall", true)]
    [InlineData("COMPANYNAME", "companyName", false)]
    [InlineData("climate_environmental", "CLIMATE_ENVIRONMENTAL", true)]
    [InlineData(" analyzedAt ", "analyzedAt", true)]
    public void TryParse_KnownColumn_IgnoresCase(string text, string code, bool descendingByDefault)
    {
        Assert.True(PortfolioSort.TryParse(text, out var sort));
        Assert.Equal((code, descendingByDefault), (sort!.Code, sort.DescendingByDefault));
    }

    [Theory]
    [InlineData("score")]
    [InlineData("FINANCIAL.revenue")]
    [InlineData("1")]
    public void TryParse_UnknownColumn_Fails(string text) => Assert.False(PortfolioSort.TryParse(text, out _));

    [Fact]
    public void TryParse_Blank_IsNotGiven() => Assert.True(PortfolioSort.TryParse(" ", out var sort) && sort is null);

    [Fact]
    public void Levels_ParseIgnoringCase_AndFormatInBandOrder()
    {
        Assert.True(PortfolioLevels.TryParse("critical, high", out var levels));
        Assert.Equal("HIGH,CRITICAL", PortfolioLevels.Format(levels));
        Assert.False(PortfolioLevels.TryParse("HIGH,SEVERE", out _));
        Assert.True(PortfolioLevels.TryParse(null, out var none) && none.Count == 0);
        Assert.Null(PortfolioLevels.Format(none));
    }

    [Fact]
    public void Matches_TheLevelsAndCountryOfTheQuery()
    {
        var row = new PortfolioRow(Guid.NewGuid(), "Nyeri", "Nyeri Dairy", "Kenya", AssessmentStatus.Complete, 60, RiskLevel.High, [], DateTime.UtcNow, 1);
        var unscored = row with { OverallScore = null, OverallLevel = null, AnalysisVersion = null };

        Assert.True(new PortfolioQuery(new HashSet<RiskLevel> { RiskLevel.High }, "kenya").Matches(row));
        Assert.False(new PortfolioQuery(new HashSet<RiskLevel> { RiskLevel.Low }).Matches(row));
        Assert.False(new PortfolioQuery(Country: "Uganda").Matches(row));
        Assert.False(new PortfolioQuery(new HashSet<RiskLevel> { RiskLevel.High }).Matches(unscored));
        Assert.True(PortfolioQuery.Default.Matches(unscored));
    }
}
