using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Narrative;

/// <summary>
/// Holds the model's REPORT_GENERATION JSON to its schema: non-empty executive summary, overall profile and
/// conclusion, one narrative for each of the 7 categories, and key recommendations with valid priorities.
/// </summary>
internal static class ReportNarrativeReader
{
    public static ReportNarrative? Read(JsonElement root, List<string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("the answer must be a JSON object");
            return null;
        }

        var summary = JsonFields.Text(root, "executiveSummary", "answer", errors);
        var profile = JsonFields.Text(root, "overallProfile", "answer", errors);
        var conclusion = JsonFields.Text(root, "conclusion", "answer", errors);
        var categories = Categories(root, errors);
        var recommendations = JsonFields.Array(root, "keyRecommendations", "answer", errors)
            .Select((r, i) => Recommendation(r, $"keyRecommendations[{i}]", errors)).OfType<Recommendation>()
            .DistinctBy(r => r.Id).OrderBy(r => r.Priority).ToList();
        return errors.Count > 0 ? null : new ReportNarrative(summary!, profile!, categories, recommendations, conclusion!) { Engine = LlmReportNarrator.EngineName };
    }

    private static List<ReportCategoryNarrative> Categories(JsonElement root, List<string> errors)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (element, index) in JsonFields.Array(root, "categories", "answer", errors).Select((e, i) => (e, i)))
        {
            var at = $"categories[{index}]";
            var key = element.ValueKind == JsonValueKind.Object ? JsonFields.Text(element, "category", at, errors) : null;
            var category = key is null ? null : RiskTaxonomy.Categories.FirstOrDefault(c =>
                string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Label, key, StringComparison.OrdinalIgnoreCase));
            var narrative = element.ValueKind == JsonValueKind.Object ? JsonFields.Text(element, "narrative", at, errors) : null;
            if (element.ValueKind != JsonValueKind.Object || (key is not null && category is null))
            {
                errors.Add($"{at}.category must be one of {string.Join(", ", RiskTaxonomy.Categories.Select(c => c.Key))}");
            }
            else if (category is not null && narrative is not null && !found.TryAdd(category.Key, narrative))
            {
                errors.Add($"category {category.Key} appears twice");
            }
        }

        foreach (var missing in RiskTaxonomy.Categories.Where(c => !found.ContainsKey(c.Key)))
        {
            errors.Add($"category {missing.Key} has no narrative");
        }

        return RiskTaxonomy.Categories.Where(c => found.ContainsKey(c.Key)).Select(c => new ReportCategoryNarrative(c.Key, found[c.Key])).ToList();
    }

    private static Recommendation? Recommendation(JsonElement element, string at, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at} must be an object with priority and text");
            return null;
        }

        var text = JsonFields.Text(element, "text", at, errors);
        var priority = JsonFields.Text(element, "priority", at, errors);
        if (priority is null || !Enum.TryParse<RecommendationPriority>(priority, ignoreCase: true, out var parsed) || int.TryParse(priority, out _))
        {
            errors.Add($"{at}.priority '{priority}' must be HIGH, MEDIUM or LOW");
            return null;
        }

        return text is null ? null : new Recommendation($"report/{Hash(text)}", text, parsed);
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(QuoteVerifier.Normalise(text))))[..10];
}
