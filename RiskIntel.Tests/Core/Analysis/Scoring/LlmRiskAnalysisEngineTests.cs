using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Ai.Structured;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Fakes;
using static RiskIntel.Tests.Core.Analysis.Scoring.AnalysisAssertions;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

public sealed class LlmRiskAnalysisEngineTests(SeededPromptDatabase database) : IClassFixture<SeededPromptDatabase>
{
    [Fact]
    public async Task Analyze_ValidAnswer_KeepsTheModelsFieldScoresAndRecomputesTheMeans()
    {
        var chat = new ScriptedChatClient(LlmAnswers.Fenced(LlmAnswers.Valid()));

        var outcome = await Engine(chat).AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        ScoresAreMeansAndLevelsFollowScores(outcome);
        Assert.Equal(70, Field(outcome, "FINANCIAL.credit").Score);
        Assert.Equal(RiskLevel.High, Field(outcome, "FINANCIAL.credit").Level);
        Assert.Equal(46, Category(outcome, "FINANCIAL").Score);
        Assert.Equal(40.9, outcome.OverallScore);
        Assert.Contains("FINANCIAL: the model's score 40.0 was replaced by the mean of its parts, 46.0", outcome.Notes);
        Assert.Contains("overall: the model's score 40.0 was replaced by the mean of its parts, 40.9", outcome.Notes);
        Assert.Equal((LlmRiskAnalysisEngine.EngineName, "scripted-model"), (outcome.Engine, outcome.Model));
        Assert.NotNull(outcome.PromptId);
        Assert.Equal(1, outcome.PromptVersion);
        Assert.Equal((100, 50), (outcome.InputTokens, outcome.OutputTokens));
        Assert.False(outcome.TextTruncated);
        Assert.Single(chat.Requests);
    }

    [Fact]
    public async Task Analyze_RealQuote_IsKeptWithItsPageAndDocument()
    {
        var outcome = await Engine(new ScriptedChatClient(LlmAnswers.Valid().ToJsonString())).AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        var credit = Field(outcome, "FINANCIAL.credit");
        Assert.Equal(new Evidence(LlmAnswers.ArrearsQuote, 4, PlanFixtures.TumainiDocument), Assert.Single(credit.Evidence));
        Assert.Equal(new Evidence(LlmAnswers.ArrearsQuote, 4, PlanFixtures.TumainiDocument), credit.Drivers.Single(d => d.Rule == "loan-arrears").Evidence);
        QuotesAreInTheTextOrTheCorrection(outcome, PlanFixtures.TumainiRequest().Documents);
    }

    [Fact]
    public async Task Analyze_InventedQuotes_AreDroppedFromEvidenceAndDriversAndNoted()
    {
        const string invented = "The cooperative exported two million litres of UHT milk to Uganda in 2024.";
        var answer = LlmAnswers.Valid();
        var revenue = LlmAnswers.Field(answer, "FINANCIAL.revenue");
        revenue["evidence"] = new JsonArray(new JsonObject { ["quote"] = invented, ["page"] = 2 }, new JsonObject { ["quote"] = "Revenue grew from KES 168 million in 2022", ["page"] = 9 });
        revenue["drivers"] = new JsonArray(new JsonObject { ["rule"] = "export-growth", ["effect"] = -5, ["description"] = "Exports diversify revenue", ["quote"] = invented });

        var outcome = await Engine(new ScriptedChatClient(answer.ToJsonString())).AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        var field = Field(outcome, "FINANCIAL.revenue");
        Assert.Equal(new Evidence("Revenue grew from KES 168 million in 2022", 1, PlanFixtures.TumainiDocument), Assert.Single(field.Evidence));
        var driver = Assert.Single(field.Drivers);
        Assert.Null(driver.Evidence);
        Assert.Equal(-5, driver.Effect);
        Assert.Equal("Exports diversify revenue (quote not found in the documents; dropped)", driver.Description);
        Assert.DoesNotContain(AllQuotes(outcome), q => q.Evidence.Quote.Contains("Uganda", StringComparison.Ordinal));
        Assert.Equal(2, outcome.Notes.Count(n => n.StartsWith("FINANCIAL.revenue: ", StringComparison.Ordinal) && n.Contains("Uganda", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Analyze_ModelQuotesTheCorrection_ShowsItAsTheCorrection()
    {
        const string correction = "We hold crop insurance with APA since 2023.";
        var request = PlanFixtures.TumainiRequest(PlanFixtures.Gap("CLIMATE_ENVIRONMENTAL.weather_exposure", ReviewedGapStatus.Verified, null, PlanFixtures.TumainiDocument, correction));
        var answer = LlmAnswers.Valid();
        LlmAnswers.Field(answer, "CLIMATE_ENVIRONMENTAL.weather_exposure")["evidence"] = new JsonArray(new JsonObject { ["quote"] = "crop insurance with APA since 2023" });

        var chat = new ScriptedChatClient(answer.ToJsonString());

        var outcome = await Engine(chat).AnalyzeAsync(request, default);

        var field = Field(outcome, "CLIMATE_ENVIRONMENTAL.weather_exposure");
        Assert.Equal(correction, field.Correction);
        Assert.Equal([new Evidence(correction, null, null)], field.Evidence);
        Assert.Contains("\"correction\":\"We hold crop insurance with APA since 2023.\"", chat.Requests[0][1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_InconsistentLevel_IsRecomputedFromTheScore()
    {
        var answer = LlmAnswers.Valid();
        var field = LlmAnswers.Field(answer, "MARKET.pricing_power");
        field["score"] = 80;
        field["level"] = "LOW";

        var outcome = await Engine(new ScriptedChatClient(answer.ToJsonString())).AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        Assert.Equal(RiskLevel.Critical, Field(outcome, "MARKET.pricing_power").Level);
        Assert.Contains("MARKET.pricing_power: the model's level LOW does not match its score 80.0; recomputed as CRITICAL", outcome.Notes);
    }

    [Fact]
    public async Task Analyze_InvalidThenRepaired_ShowsTheModelItsErrorsOnce()
    {
        var broken = LlmAnswers.Valid();
        broken["scores"]!.AsArray().RemoveAt(6);
        LlmAnswers.Field(broken, "FINANCIAL.revenue")["score"] = 140;
        LlmAnswers.Category(broken, "MARKET")["recommendations"]![0]!["priority"] = "URGENT";
        var chat = new ScriptedChatClient(broken.ToJsonString(), LlmAnswers.Valid().ToJsonString());

        var outcome = await Engine(chat).AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        Assert.Equal(2, chat.Requests.Count);
        var repair = chat.Requests[1][^1].Text;
        Assert.Contains("category TECHNOLOGY_DATA is missing", repair, StringComparison.Ordinal);
        Assert.Contains("FINANCIAL.subcategories[0].score is 140, outside 0–100", repair, StringComparison.Ordinal);
        Assert.Contains("MARKET.recommendations[0].priority 'URGENT' must be HIGH, MEDIUM or LOW", repair, StringComparison.Ordinal);
        Assert.Equal(7, outcome.Scores.Count);
        Assert.Equal((200, 100), (outcome.InputTokens, outcome.OutputTokens));
    }

    [Fact]
    public async Task Analyze_InvalidTwice_FailsWithAClearNonRetryableError()
    {
        var broken = LlmAnswers.Valid();
        LlmAnswers.Category(broken, "BEHAVIORAL")["subcategories"]!.AsArray().RemoveAt(2);
        var chat = new ScriptedChatClient("I am sorry, I cannot score this partner.", broken.ToJsonString());

        var error = await Assert.ThrowsAsync<ModelOutputException>(() => Engine(chat).AnalyzeAsync(PlanFixtures.TumainiRequest(), default));

        Assert.False(error.IsRetryable);
        Assert.Contains("after one repair attempt", error.Message, StringComparison.Ordinal);
        Assert.Contains("BEHAVIORAL: field BEHAVIORAL.compliance_and_ethics is missing", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, chat.Requests.Count);
    }

    [Fact]
    public async Task Analyze_FieldsNamedInsteadOfKeyed_AreAccepted()
    {
        var answer = LlmAnswers.Valid();
        var field = LlmAnswers.Field(answer, "BEHAVIORAL.compliance_and_ethics");
        field.Remove("field");
        field["name"] = "compliance & ethics";

        var outcome = await Engine(new ScriptedChatClient(answer.ToJsonString())).AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        Assert.Equal(40, Field(outcome, "BEHAVIORAL.compliance_and_ethics").Score);
    }

    [Fact]
    public async Task Analyze_Prompt_CarriesThePartnerTheReviewedGapsAndTheText()
    {
        var chat = new ScriptedChatClient(LlmAnswers.Valid().ToJsonString());

        await Engine(chat).AnalyzeAsync(PlanFixtures.TumainiRequest(), default);

        var (system, user) = (chat.Requests[0][0].Text, chat.Requests[0][1].Text);
        Assert.Contains("\"field\": \"FINANCIAL.revenue\"", system, StringComparison.Ordinal);
        Assert.Contains("\"drivers\": [ { \"rule\": string, \"effect\": number", system, StringComparison.Ordinal);
        Assert.StartsWith("Partner: Tumaini Dairy Farmers' Co-operative Society Ltd (dairy cooperative, Kenya).", user, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"CLIMATE_ENVIRONMENTAL.carbon_footprint\",\"label\":\"Carbon footprint\",\"status\":\"MISSING\",\"isMandatory\":true", user, StringComparison.Ordinal);
        Assert.Contains("=== tumaini-dairy-plan.pdf ===\n[page 1]\nTUMAINI DAIRY FARMERS", user, StringComparison.Ordinal);
        Assert.DoesNotContain(PlanFixtures.InventedQuote, user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_LongDocuments_AreCutToTheBudgetKeepingTheGapEvidence()
    {
        var chat = new ScriptedChatClient(LlmAnswers.Valid().ToJsonString());
        var request = PlanFixtures.TumainiRequest() with { Documents = [PlanFixtures.Tumaini, PlanFixtures.Mwangaza] };

        var outcome = await Engine(chat, budget: 2_500).AnalyzeAsync(request, default);

        Assert.True(outcome.TextTruncated);
        Assert.StartsWith("The document text was cut to fit the budget: about ", outcome.Notes[0], StringComparison.Ordinal);
        var user = chat.Requests[0][1].Text;
        Assert.Contains(DocumentTextBudget.CutNotice, user, StringComparison.Ordinal);
        Assert.Contains("The society has one loan, of KES 6 million from Ushirika SACCO", user, StringComparison.Ordinal);
        Assert.Contains("The General Manager reviews a monthly dashboard of deliveries per member", user, StringComparison.Ordinal);
        Assert.Contains("=== mwangaza-avocado-plan.pdf ===\n\n[page 1]\nMWANGAZA AVOCADO GROWERS SELF-HELP GROUP", user, StringComparison.Ordinal);
        Assert.DoesNotContain("Signed on behalf of the Management Committee", user, StringComparison.Ordinal);
    }

    private LlmRiskAnalysisEngine Engine(ScriptedChatClient chat, int budget = 24_000) =>
        new(chat, database.Lookup, Options.Create(new LlmRiskAnalysisOptions { DocumentTokenBudget = budget }), NullLogger<LlmRiskAnalysisEngine>.Instance);
}
