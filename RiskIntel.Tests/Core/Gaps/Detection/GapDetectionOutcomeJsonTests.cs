using System.Text.Json;
using RiskIntel.Core;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Tests.Core.Gaps.Detection;

public sealed class GapDetectionOutcomeJsonTests
{
    [Fact]
    public void Serialize_WithTheJobJsonOptions_GivesTheSpecGapDetectionShapePlusExplanations()
    {
        var documentId = Guid.Parse("1d2c3b4a-0000-4000-8000-000000000001");
        var outcome = new GapDetectionOutcome("llm", "scripted-model", Guid.Parse("1d2c3b4a-0000-4000-8000-000000000002"), 3,
        [
            new DetectedGap("FINANCIAL", "FINANCIAL.revenue", "Revenue", GapStatus.Verified, "Milk sales | 402.7",
                [new Evidence("Milk sales | 402.7", 6, documentId)], true, ["sales", "figure:amount"], ["Revenue of KES 1 billion"], ["1 quote(s) dropped"]),
        ]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(outcome, ApiJson.Options));
        var root = json.RootElement;
        var gap = root.GetProperty("gaps")[0];

        Assert.Equal(["engine", "model", "promptId", "promptVersion", "gaps"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["category", "field", "label", "status", "extractedValue", "evidence", "isMandatory", "matchedTerms", "droppedQuotes", "notes"],
            gap.EnumerateObject().Select(p => p.Name));
        Assert.Equal("VERIFIED", gap.GetProperty("status").GetString());
        Assert.Equal(["quote", "page", "documentId"], gap.GetProperty("evidence")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(6, gap.GetProperty("evidence")[0].GetProperty("page").GetInt32());
        Assert.True(gap.GetProperty("isMandatory").GetBoolean());
    }

    [Fact]
    public void Deserialize_TheSerialisedOutcome_RoundTrips()
    {
        var outcome = new GapDetectionOutcome("offline", null, null, null,
            [new DetectedGap("MARKET", "MARKET.demand", "Demand", GapStatus.Partial, "Demand is growing.", [new Evidence("Demand is growing.", 2, null)], true, ["demand"], [], ["PARTIAL: mentioned"])]);

        var back = JsonSerializer.Deserialize<GapDetectionOutcome>(JsonSerializer.Serialize(outcome, ApiJson.Options), ApiJson.Options)!;

        Assert.Equal(GapStatus.Partial, back.Gaps[0].Status);
        Assert.Equal(outcome.Gaps[0].Evidence, back.Gaps[0].Evidence);
    }
}
