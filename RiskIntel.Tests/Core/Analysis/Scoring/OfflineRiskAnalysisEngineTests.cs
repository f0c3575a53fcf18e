using System.Text.Json;
using RiskIntel.Core;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Risk;
using static RiskIntel.Tests.Core.Analysis.Scoring.AnalysisAssertions;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

public sealed class OfflineRiskAnalysisEngineTests
{
    private readonly OfflineRiskAnalysisEngine _engine = new();

    [Fact]
    public async Task Analyze_DairyCooperativePlan_GivesTheseExactScores()
    {
        var outcome = await _engine.AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        Assert.Equal(
            """
            FINANCIAL 47.2 MODERATE revenue=44 cost_structure=42 credit=60 liquidity=64 capital_structure=26
            CLIMATE_ENVIRONMENTAL 48.2 MODERATE weather_exposure=72 climate_adaptation=44 water_resources=44 biodiversity_impact=23 carbon_footprint=58
            BEHAVIORAL 32.8 MODERATE management_competence=32 governance_structure=28 compliance_and_ethics=47 innovation_capacity=33 stakeholder_relations=24
            OPERATIONAL 46.4 MODERATE supply_chain=38 production_process=54 technology_and_equipment=54 human_resources=42 quality_control=44
            MARKET 51.0 HIGH demand=32 competition=66 pricing_power=68 distribution_channels=57 regulatory_market_access=32
            GOVERNANCE_LEGAL 38.0 MODERATE legal_structure=25 contracts=41 intellectual_property=50 regulatory_compliance=44 reporting_and_transparency=30
            TECHNOLOGY_DATA 40.4 MODERATE it_infrastructure=36 data_management=40 cybersecurity=55 digital_tools=29 analytics_capability=42
            """.ReplaceLineEndings("\n"),
            ScoreTable(outcome));
        Assert.Equal(43.4, outcome.OverallScore);
        Assert.Equal(RiskLevel.Moderate, outcome.OverallLevel);
        Assert.Equal(OfflineRiskAnalysisEngine.EngineName, outcome.Engine);
        Assert.Null(outcome.Model);
        Assert.False(string.IsNullOrEmpty(outcome.RulesVersion));
    }

    [Fact]
    public async Task Analyze_UnregisteredAvocadoGroupPlan_GivesTheseExactScores()
    {
        var outcome = await _engine.AnalyzeAsync(PlanFixtures.MwangazaRequest(), default);

        Assert.Equal(
            """
            FINANCIAL 57.2 HIGH revenue=50 cost_structure=55 credit=66 liquidity=60 capital_structure=55
            CLIMATE_ENVIRONMENTAL 49.4 MODERATE weather_exposure=72 climate_adaptation=44 water_resources=39 biodiversity_impact=42 carbon_footprint=50
            BEHAVIORAL 48.6 MODERATE management_competence=56 governance_structure=40 compliance_and_ethics=57 innovation_capacity=40 stakeholder_relations=50
            OPERATIONAL 50.8 HIGH supply_chain=47 production_process=59 technology_and_equipment=53 human_resources=53 quality_control=42
            MARKET 47.2 MODERATE demand=32 competition=59 pricing_power=68 distribution_channels=35 regulatory_market_access=42
            GOVERNANCE_LEGAL 59.0 HIGH legal_structure=63 contracts=55 intellectual_property=41 regulatory_compliance=69 reporting_and_transparency=67
            TECHNOLOGY_DATA 60.0 HIGH it_infrastructure=60 data_management=66 cybersecurity=62 digital_tools=54 analytics_capability=58
            """.ReplaceLineEndings("\n"),
            ScoreTable(outcome));
        Assert.Equal(53.2, outcome.OverallScore);
        Assert.Equal(RiskLevel.High, outcome.OverallLevel);
    }

    [Theory]
    [InlineData("tumaini")]
    [InlineData("mwangaza")]
    public async Task Analyze_EveryField_HasDriversThatAddUpToItsScore(string plan)
    {
        var outcome = await _engine.AnalyzeAsync(Request(plan), default);

        ScoresAreMeansAndLevelsFollowScores(outcome);
        Assert.All(outcome.Scores.SelectMany(c => c.Subcategories), s =>
        {
            Assert.Equal(SubcategoryScorer.BaselineRule, s.Drivers[0].Rule);
            Assert.Equal(s.Score, s.Drivers.Sum(d => d.Effect), 1);
            Assert.False(string.IsNullOrWhiteSpace(s.Mitigation));
        });
    }

    [Theory]
    [InlineData("tumaini")]
    [InlineData("mwangaza")]
    public async Task Analyze_EveryQuote_IsOnThePageItNames(string plan)
    {
        var request = Request(plan);

        var outcome = await _engine.AnalyzeAsync(request, default);

        QuotesAreInTheTextOrTheCorrection(outcome, request.Documents);
        Assert.True(AllQuotes(outcome).Count() > 60);
    }

    [Fact]
    public async Task Analyze_GapEvidenceThatIsNotInTheText_IsNeverShownAndIsNoted()
    {
        var outcome = await _engine.AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        var json = JsonSerializer.Serialize(outcome.Scores, ApiJson.Options);
        Assert.DoesNotContain("KES 300 million", json, StringComparison.Ordinal);
        Assert.Contains(outcome.Notes, n => n.StartsWith("FINANCIAL.revenue: gap evidence not found", StringComparison.Ordinal));
        Assert.Contains(Field(outcome, "FINANCIAL.revenue").Evidence,
            e => e.Quote.StartsWith("Revenue grew from KES 168 million", StringComparison.Ordinal) && e.Page == 1);
    }

    [Fact]
    public async Task Analyze_DriversName_TheRuleAndTheSentenceThatTriggeredIt()
    {
        var outcome = await _engine.AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        var credit = Field(outcome, "FINANCIAL.credit");
        var arrears = Assert.Single(credit.Drivers, d => d.Rule == "loan-arrears");
        Assert.Equal(15, arrears.Effect);
        Assert.Equal("Two instalments were missed in 2023 after the drought, and the loan was rescheduled in March 2024.", arrears.Evidence!.Quote);
        Assert.Equal(4, arrears.Evidence.Page);
        Assert.Equal(PlanFixtures.TumainiDocument, arrears.Evidence.DocumentId);
        Assert.Equal("Agree a written plan to clear the arrears before any new borrowing.", credit.Mitigation);
    }

    [Fact]
    public async Task Analyze_NegatedAndIntendedMitigants_DoNotLowerTheScore()
    {
        var outcome = await _engine.AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        // "None of our members have livestock insurance", "We plan to install a 30 kW solar system", "We have not measured our carbon footprint".
        var weather = Field(outcome, "CLIMATE_ENVIRONMENTAL.weather_exposure");
        Assert.Contains(weather.Drivers, d => d.Rule == "no-insurance" && d.Effect == 10);
        Assert.DoesNotContain(weather.Drivers, d => d.Rule == "crop-insurance");
        var carbon = Field(outcome, "CLIMATE_ENVIRONMENTAL.carbon_footprint");
        Assert.DoesNotContain(carbon.Drivers, d => d.Rule is "renewable-energy" or "emissions-tracking");
    }

    [Fact]
    public async Task Analyze_Categories_NameTheirDecisiveDriversAndRecommendByPriority()
    {
        var outcome = await _engine.AnalyzeAsync(PlanFixtures.MwangazaRequest(), default);

        var governance = Category(outcome, "GOVERNANCE_LEGAL");
        Assert.StartsWith("Governance & Legal risk is high at 59.0/100. The decisive drivers are no legal registration (legal structure, +15), "
            + "pending litigation (regulatory compliance, +12) and no audited accounts (reporting & transparency, +12).", governance.Narrative, StringComparison.Ordinal);
        Assert.Equal(
            ["GOVERNANCE_LEGAL.unregistered-entity", "GOVERNANCE_LEGAL.pending-litigation", "GOVERNANCE_LEGAL.no-audited-accounts",
             "GOVERNANCE_LEGAL.no-written-contracts", "GOVERNANCE_LEGAL.penalties-and-tax-arrears"],
            governance.Recommendations.Select(r => r.Id));
        Assert.Equal(RecommendationPriority.High, governance.Recommendations[0].Priority);

        var financial = Category(outcome, "FINANCIAL");
        Assert.Contains(financial.Recommendations, r => r.Id == "FINANCIAL.missing-cost_structure" && r.Priority == RecommendationPriority.High);
        Assert.Contains("no information on cost structure and capital structure", financial.Narrative, StringComparison.Ordinal);
        Assert.All(outcome.Scores, c => Assert.Equal(c.Recommendations.OrderBy(r => r.Priority).Select(r => r.Id), c.Recommendations.Select(r => r.Id)));
    }

    [Fact]
    public async Task Analyze_SameRequestTwice_GivesTheSameAnalysis()
    {
        var first = await _engine.AnalyzeAsync(PlanFixtures.MwangazaRequest(), default);
        var second = await new OfflineRiskAnalysisEngine().AnalyzeAsync(PlanFixtures.MwangazaRequest(), default);

        Assert.Equal(JsonSerializer.Serialize(first, ApiJson.Options), JsonSerializer.Serialize(second, ApiJson.Options));
    }

    [Fact]
    public async Task Analyze_NoGapsReviewed_CountsEveryFieldAsMissing()
    {
        var request = PlanFixtures.TumainiRequest() with { Gaps = [] };

        var outcome = await _engine.AnalyzeAsync(request, default);

        Assert.All(outcome.Scores.SelectMany(c => c.Subcategories), s => Assert.Contains(s.Drivers, d => d.Rule == SubcategoryScorer.MissingRule));
        Assert.True(outcome.OverallScore > 43.4);
    }

    [Fact]
    public async Task Analyze_UnknownOrRepeatedGapField_IsAValidationError()
    {
        var unknown = PlanFixtures.TumainiRequest() with { Gaps = [new ReviewedGap("FINANCIAL.turnover", ReviewedGapStatus.Verified, null, [], null)] };
        var gap = new ReviewedGap("FINANCIAL.revenue", ReviewedGapStatus.Verified, null, [], null);
        var repeated = PlanFixtures.TumainiRequest() with { Gaps = [gap, gap] };

        var first = await Assert.ThrowsAsync<InputValidationException>(() => _engine.AnalyzeAsync(unknown, default));
        var second = await Assert.ThrowsAsync<InputValidationException>(() => _engine.AnalyzeAsync(repeated, default));

        Assert.Contains("FINANCIAL.turnover", first.Message, StringComparison.Ordinal);
        Assert.Contains("FINANCIAL.revenue", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_Cancelled_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _engine.AnalyzeAsync(PlanFixtures.TumainiRequest(), cancelled.Token));
    }

    private static RiskAnalysisRequest Request(string plan) => plan == "tumaini" ? PlanFixtures.TumainiRequest() : PlanFixtures.MwangazaRequest();
}
