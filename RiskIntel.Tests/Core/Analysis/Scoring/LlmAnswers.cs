using System.Text.Json.Nodes;
using RiskIntel.Core.Risk;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

/// <summary>
/// RISK_ANALYSIS answers as a model would write them for the dairy plan: all 7 × 5 fields, scores 20–60 within
/// each category, real quotes where the plan has them. Tests break or bend them to see what the engine does.
/// </summary>
internal static class LlmAnswers
{
    public const string ArrearsQuote = "Two instalments were missed in 2023 after the drought, and the loan was rescheduled in March 2024.";

    public static JsonObject Valid()
    {
        var scores = new JsonArray();
        foreach (var category in RiskTaxonomy.Categories)
        {
            var subcategories = new JsonArray();
            foreach (var (field, index) in category.Fields.Select((f, i) => (f, i)))
            {
                var score = 20 + (index * 10);
                subcategories.Add(new JsonObject
                {
                    ["field"] = field.Key,
                    ["score"] = score,
                    ["level"] = RiskLevels.For(score).ToString().ToUpperInvariant(),
                    ["evidence"] = new JsonArray(),
                    ["drivers"] = new JsonArray(new JsonObject { ["rule"] = "sector-baseline", ["effect"] = score, ["description"] = $"Typical {field.Name} risk" }),
                    ["mitigation"] = $"Review {field.Name} with the partner every season.",
                });
            }

            scores.Add(new JsonObject
            {
                ["category"] = category.Key,
                ["score"] = 40,
                ["level"] = "MODERATE",
                ["subcategories"] = subcategories,
                ["narrative"] = $"{category.Label} risk is moderate; see the fields for the reasons.",
                ["recommendations"] = new JsonArray(
                    new JsonObject { ["priority"] = "MEDIUM", ["text"] = $"Review {category.Label.ToLowerInvariant()} risk at the next visit." },
                    new JsonObject { ["priority"] = "HIGH", ["text"] = $"Obtain evidence on {category.Fields[4].Name}." }),
            });
        }

        var answer = new JsonObject { ["overallScore"] = 40, ["overallLevel"] = "MODERATE", ["scores"] = scores };
        var credit = Field(answer, "FINANCIAL.credit");
        credit["score"] = 70;
        credit["level"] = "HIGH";
        credit["evidence"] = new JsonArray(new JsonObject { ["quote"] = ArrearsQuote, ["page"] = 4 });
        credit["drivers"] = new JsonArray(new JsonObject { ["rule"] = "loan-arrears", ["effect"] = 25, ["description"] = "Missed instalments and a rescheduled loan", ["quote"] = ArrearsQuote, ["page"] = 4 });
        return answer;
    }

    public static JsonObject Field(JsonObject answer, string key) =>
        answer["scores"]!.AsArray().SelectMany(c => c!["subcategories"]!.AsArray()).Single(s => (string)s!["field"]! == key)!.AsObject();

    public static JsonObject Category(JsonObject answer, string key) =>
        answer["scores"]!.AsArray().Single(c => (string)c!["category"]! == key)!.AsObject();

    public static string Fenced(JsonObject answer) => "Here is the analysis.\n```json\n" + answer.ToJsonString() + "\n```";
}
