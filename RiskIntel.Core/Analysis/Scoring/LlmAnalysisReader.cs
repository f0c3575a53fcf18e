using System.Text.Json;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// Holds the model's RISK_ANALYSIS JSON to the schema: 7 known categories with their 5 fields each, scores 0–100,
/// non-empty narratives and mitigations, recommendation priorities HIGH/MEDIUM/LOW. Levels and the model's own
/// category and overall scores are read only to report disagreements; they are recomputed from the field scores.
/// </summary>
internal static class LlmAnalysisReader
{
    public static LlmAnalysisAnswer? Read(JsonElement root, List<string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("the answer must be a JSON object");
            return null;
        }

        var categories = new List<LlmCategory>();
        foreach (var (element, index) in JsonFields.Array(root, "scores", "answer", errors).Select((e, i) => (e, i)))
        {
            var key = element.ValueKind == JsonValueKind.Object ? JsonFields.Text(element, "category", $"scores[{index}]", errors) : null;
            var category = key is null ? null : RiskTaxonomy.FindCategory(key.ToUpperInvariant());
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"scores[{index}] must be an object");
            }
            else if (key is not null && category is null)
            {
                errors.Add($"scores[{index}].category '{key}' is not one of {string.Join(", ", RiskTaxonomy.Categories.Select(c => c.Key))}");
            }
            else if (category is not null && categories.Any(c => c.Category.Key == category.Key))
            {
                errors.Add($"category {category.Key} appears twice");
            }
            else if (category is not null && ReadCategory(element, category, errors) is { } read)
            {
                categories.Add(read);
            }
        }

        var absent = RiskTaxonomy.Categories.Where(c => categories.All(r => r.Category.Key != c.Key) && errors.All(e => !e.StartsWith(c.Key, StringComparison.Ordinal))).ToList();
        foreach (var category in absent)
        {
            errors.Add($"category {category.Key} is missing");
        }

        var overall = JsonFields.Number(root, "overallScore", "answer", errors, 0, 100, required: false);
        return errors.Count == 0 ? new LlmAnalysisAnswer(RiskTaxonomy.Categories.Select(c => categories.First(r => r.Category == c)).ToList(), overall) : null;
    }

    private static LlmCategory? ReadCategory(JsonElement element, RiskCategory category, List<string> errors)
    {
        var at = category.Key;
        var before = errors.Count;
        var subcategories = new List<LlmSubcategory>();
        foreach (var (sub, index) in JsonFields.Array(element, "subcategories", at, errors).Select((e, i) => (e, i)))
        {
            if (LlmSubcategoryReader.Read(sub, category, $"{at}.subcategories[{index}]", errors) is { } read)
            {
                if (subcategories.Any(s => s.Field == read.Field))
                {
                    errors.Add($"{at}: field {read.Field.Key} appears twice");
                }
                else
                {
                    subcategories.Add(read);
                }
            }
        }

        foreach (var field in category.Fields.Where(f => subcategories.All(s => s.Field != f)))
        {
            errors.Add($"{at}: field {field.Key} is missing");
        }

        var narrative = JsonFields.Text(element, "narrative", at, errors);
        var recommendations = JsonFields.Array(element, "recommendations", at, errors)
            .Select((r, i) => ReadRecommendation(r, $"{at}.recommendations[{i}]", errors))
            .OfType<LlmRecommendation>()
            .ToList();
        var claimed = JsonFields.Number(element, "score", at, errors, 0, 100, required: false);
        return errors.Count > before ? null
            : new LlmCategory(category, category.Fields.Select(f => subcategories.First(s => s.Field == f)).ToList(), narrative!, recommendations, claimed);
    }

    private static LlmRecommendation? ReadRecommendation(JsonElement element, string at, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at} must be an object with priority and text");
            return null;
        }

        var text = JsonFields.Text(element, "text", at, errors);
        var priority = JsonFields.Text(element, "priority", at, errors);
        if (priority is not null && Priority(priority) is null)
        {
            errors.Add($"{at}.priority '{priority}' must be HIGH, MEDIUM or LOW");
        }

        return text is null || priority is null || Priority(priority) is not { } parsed ? null : new LlmRecommendation(parsed, text);
    }

    private static RecommendationPriority? Priority(string value) => value.ToUpperInvariant() switch
    {
        "HIGH" => RecommendationPriority.High,
        "MEDIUM" => RecommendationPriority.Medium,
        "LOW" => RecommendationPriority.Low,
        _ => null,
    };
}
