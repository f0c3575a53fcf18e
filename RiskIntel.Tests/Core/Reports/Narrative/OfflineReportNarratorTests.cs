using RiskIntel.Core.Analysis;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Reports.Narrative;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Core.Analysis;

namespace RiskIntel.Tests.Core.Reports.Narrative;

public sealed class OfflineReportNarratorTests
{
    private readonly OfflineReportNarrator _narrator = new();

    [Fact]
    public async Task Compose_DairyPlan_SummaryNamesTheProfileTheDecisiveRisksAndTheConditions()
    {
        var narrative = await Narrate(PlanFixtures.TumainiRequest());

        var summary = narrative.ExecutiveSummary;
        Assert.InRange(Phrase.Words(summary), ExecutiveSummaryComposer.MinWords, ExecutiveSummaryComposer.MaxWords);
        Assert.StartsWith("Tumaini Dairy Farmers' Co-operative Society Ltd, a dairy cooperative in Kenya, scores 43.4/100 overall: a moderate risk profile.", summary, StringComparison.Ordinal);
        Assert.Contains("The decisive risks are loan arrears or overdue repayments (credit, +15)", summary, StringComparison.Ordinal);
        Assert.Contains("\"Two instalments were missed in 2023 after the drought, and the loan was rescheduled in March 2024\" (p. 4)", summary, StringComparison.Ordinal);
        Assert.Contains("Make clearing the existing arrears, confirmed by the lender, a condition precedent to disbursement.", summary, StringComparison.Ordinal);
        Assert.EndsWith("On this evidence financing can proceed, provided the high-priority conditions are met and monitored.", summary, StringComparison.Ordinal);
        Assert.Equal(OfflineReportNarrator.EngineName, narrative.Engine);
    }

    [Fact]
    public async Task Compose_AvocadoGroupPlan_SummaryStaysWithinLengthAndGivesTheHighRiskVerdict()
    {
        var narrative = await Narrate(PlanFixtures.MwangazaRequest());

        Assert.InRange(Phrase.Words(narrative.ExecutiveSummary), ExecutiveSummaryComposer.MinWords, ExecutiveSummaryComposer.MaxWords);
        Assert.Contains("a high risk profile", narrative.ExecutiveSummary, StringComparison.Ordinal);
        Assert.Contains("no legal registration (legal structure, +15)", narrative.ExecutiveSummary, StringComparison.Ordinal);
        Assert.Contains("should proceed only once the high-priority conditions are met", narrative.Conclusion, StringComparison.Ordinal);
        Assert.StartsWith("The overall score of 53.2 (high) is the mean of seven category scores that range from 47.2 for Market to 60.0 for Technology & Data; "
            + "four categories are high and three are moderate.", narrative.OverallProfile, StringComparison.Ordinal);
        Assert.Contains("Of the 35 fields, 24 score high or critical, led by weather exposure (72.0)", narrative.OverallProfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_KeyRecommendations_AreTheHighOnesStrongestRiskFirst()
    {
        var narrative = await Narrate(PlanFixtures.MwangazaRequest());

        Assert.All(narrative.KeyRecommendations, r => Assert.Equal(RecommendationPriority.High, r.Priority));
        Assert.Equal(["FINANCIAL.loan-arrears", "GOVERNANCE_LEGAL.unregistered-entity"], narrative.KeyRecommendations.Take(2).Select(r => r.Id));
        Assert.Equal("FINANCIAL.missing-cost_structure", narrative.KeyRecommendations[7].Id);
    }

    [Fact]
    public async Task Compose_Categories_CarryTheAnalysisNarrativesInTaxonomyOrder()
    {
        var request = PlanFixtures.TumainiRequest();
        var analysis = (await new OfflineRiskAnalysisEngine().AnalyzeAsync(request, default)).ToResult(Guid.NewGuid(), 3);

        var narrative = await _narrator.ComposeAsync(new ReportNarrativeRequest(request.CompanyName, request.CompanyType, request.Country, analysis), default);

        Assert.Equal(RiskTaxonomy.Categories.Select(c => c.Key), narrative.Categories.Select(c => c.Category));
        Assert.Equal(analysis.Scores.Select(c => c.Narrative), narrative.Categories.Select(c => c.Narrative));
    }

    [Fact]
    public async Task Compose_SameAnalysisTwice_GivesTheSameText()
    {
        var first = await Narrate(PlanFixtures.TumainiRequest());
        var second = await Narrate(PlanFixtures.TumainiRequest());

        Assert.Equal(first.ExecutiveSummary, second.ExecutiveSummary);
        Assert.Equal(first.OverallProfile, second.OverallProfile);
        Assert.Equal(first.Conclusion, second.Conclusion);
    }

    [Fact]
    public async Task Compose_LowRiskPartnerWithFewFindings_StillWritesAFullSummary()
    {
        const string plan = "Upendo Tea Growers Co-operative Society is registered under the Co-operative Societies Act and holds audited accounts for 2022 and 2023. "
            + "Members are paid monthly through M-Pesa. All members hold crop insurance with a weather index cover. Data is backed up every week to the cloud.";
        var document = new DocumentText(Guid.NewGuid(), "upendo.pdf", [new PageText(1, plan)]);
        var gaps = RiskTaxonomy.Fields.Select(f => new ReviewedGap(f.Key, ReviewedGapStatus.Verified, null, [], null)).ToList();
        var request = new RiskAnalysisRequest("Upendo Tea Growers Co-operative Society", "tea cooperative", null, [document], gaps);

        var narrative = await Narrate(request);

        Assert.InRange(Phrase.Words(narrative.ExecutiveSummary), ExecutiveSummaryComposer.MinWords, ExecutiveSummaryComposer.MaxWords);
        Assert.StartsWith("Upendo Tea Growers Co-operative Society, a tea cooperative, scores", narrative.ExecutiveSummary, StringComparison.Ordinal);
        Assert.Contains("No specific risk indicator was found in the documents", narrative.ExecutiveSummary, StringComparison.Ordinal);
        Assert.Contains("The analysis raises no high-priority condition.", narrative.Conclusion, StringComparison.Ordinal);
    }

    private async Task<ReportNarrative> Narrate(RiskAnalysisRequest request)
    {
        var outcome = await new OfflineRiskAnalysisEngine().AnalyzeAsync(request, default);
        return await _narrator.ComposeAsync(new ReportNarrativeRequest(request.CompanyName, request.CompanyType, request.Country, outcome.ToResult(Guid.NewGuid(), 1)), default);
    }
}
