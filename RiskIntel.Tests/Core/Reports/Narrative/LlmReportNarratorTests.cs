using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RiskIntel.Core.Ai.Structured;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Reports.Narrative;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Core.Analysis;
using RiskIntel.Tests.Fakes;

namespace RiskIntel.Tests.Core.Reports.Narrative;

public sealed class LlmReportNarratorTests(SeededPromptDatabase database) : IClassFixture<SeededPromptDatabase>
{
    [Fact]
    public async Task Compose_ValidAnswer_GivesTheNarrativeInTaxonomyOrderWithProvenance()
    {
        var answer = Answer();
        var categories = answer["categories"]!.AsArray();
        var first = categories[0]!;
        categories.RemoveAt(0);
        categories.Add(first);
        var chat = new ScriptedChatClient(answer.ToJsonString());

        var narrative = await Narrator(chat).ComposeAsync(await Request(), default);

        Assert.StartsWith("Tumaini is a 1,240-member dairy co-operative", narrative.ExecutiveSummary, StringComparison.Ordinal);
        Assert.Equal(RiskTaxonomy.Categories.Select(c => c.Key), narrative.Categories.Select(c => c.Category));
        Assert.Equal([RecommendationPriority.High, RecommendationPriority.Medium], narrative.KeyRecommendations.Select(r => r.Priority));
        Assert.StartsWith("report/", narrative.KeyRecommendations[0].Id, StringComparison.Ordinal);
        Assert.Equal((LlmReportNarrator.EngineName, "scripted-model", 1), (narrative.Engine, narrative.Model, narrative.PromptVersion));
        Assert.NotNull(narrative.PromptId);
    }

    [Fact]
    public async Task Compose_SameRecommendationText_KeepsTheSameId()
    {
        var first = await Narrator(new ScriptedChatClient(Answer().ToJsonString())).ComposeAsync(await Request(), default);
        var second = await Narrator(new ScriptedChatClient(Answer().ToJsonString())).ComposeAsync(await Request(), default);

        Assert.Equal(first.KeyRecommendations.Select(r => r.Id), second.KeyRecommendations.Select(r => r.Id));
    }

    [Fact]
    public async Task Compose_Prompt_CarriesThePartnerAndTheAnalysisAsJson()
    {
        var chat = new ScriptedChatClient(Answer().ToJsonString());

        await Narrator(chat).ComposeAsync(await Request(), default);

        var user = chat.Requests[0][1].Text;
        Assert.StartsWith("Partner: Tumaini Dairy Farmers' Co-operative Society Ltd (dairy cooperative, Kenya).", user, StringComparison.Ordinal);
        Assert.Contains("\"overallScore\":43.4,\"overallLevel\":\"MODERATE\"", user, StringComparison.Ordinal);
        Assert.Contains("\"rule\":\"loan-arrears\",\"effect\":15", user, StringComparison.Ordinal);
        Assert.Contains("executiveSummary", chat.Requests[0][0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_InvalidThenRepaired_IsAccepted()
    {
        var broken = Answer();
        broken.Remove("conclusion");
        broken["categories"]!.AsArray().RemoveAt(3);
        var chat = new ScriptedChatClient(broken.ToJsonString(), Answer().ToJsonString());

        var narrative = await Narrator(chat).ComposeAsync(await Request(), default);

        Assert.Equal(7, narrative.Categories.Count);
        Assert.Contains("answer.conclusion must be a non-empty string", chat.Requests[1][^1].Text, StringComparison.Ordinal);
        Assert.Contains("category OPERATIONAL has no narrative", chat.Requests[1][^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_InvalidTwice_FailsWithAClearError()
    {
        var broken = Answer();
        broken["keyRecommendations"]![0]!["priority"] = "CRITICAL";
        var chat = new ScriptedChatClient(broken.ToJsonString());

        var error = await Assert.ThrowsAsync<ModelOutputException>(async () => await Narrator(chat).ComposeAsync(await Request(), default));

        Assert.Contains("keyRecommendations[0].priority 'CRITICAL' must be HIGH, MEDIUM or LOW", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, chat.Requests.Count);
    }

    private LlmReportNarrator Narrator(ScriptedChatClient chat) => new(chat, database.Lookup, NullLogger<LlmReportNarrator>.Instance);

    private static async Task<ReportNarrativeRequest> Request()
    {
        var request = PlanFixtures.TumainiRequest();
        var outcome = await new OfflineRiskAnalysisEngine().AnalyzeAsync(request, default);
        return new ReportNarrativeRequest(request.CompanyName, request.CompanyType, request.Country, outcome.ToResult(Guid.NewGuid(), 2));
    }

    private static JsonObject Answer() => new()
    {
        ["executiveSummary"] = "Tumaini is a 1,240-member dairy co-operative in Nyandarua with a moderate overall risk of 43.4. "
            + "The decisive risks are the rescheduled SACCO loan, dependence on Highland Creameries and exposure to drought.",
        ["overallProfile"] = "Market and climate carry most of the risk; governance and behaviour are strengths.",
        ["categories"] = new JsonArray(RiskTaxonomy.Categories.Select(c => (JsonNode)new JsonObject
        {
            ["category"] = c.Key,
            ["narrative"] = $"{c.Label}: see the scores.",
        }).ToArray()),
        ["keyRecommendations"] = new JsonArray(
            new JsonObject { ["priority"] = "MEDIUM", ["text"] = "Agree a second processor for at least a quarter of the volume." },
            new JsonObject { ["priority"] = "HIGH", ["text"] = "Confirm with Ushirika SACCO that the rescheduled loan is current." }),
        ["conclusion"] = "Financing can proceed with conditions.",
    };
}
