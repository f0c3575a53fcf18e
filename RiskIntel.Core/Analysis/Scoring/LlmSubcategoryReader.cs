using System.Text.Json;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>One field of the model's answer: which field (key, or its name), score, evidence quotes, drivers and mitigation.</summary>
internal static class LlmSubcategoryReader
{
    public static LlmSubcategory? Read(JsonElement element, RiskCategory category, string at, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at} must be an object");
            return null;
        }

        var before = errors.Count;
        var field = Field(element, category, at, errors);
        var score = JsonFields.Number(element, "score", at, errors, 0, 100);
        var mitigation = JsonFields.Text(element, "mitigation", at, errors);
        var evidence = JsonFields.Array(element, "evidence", at, errors, required: false)
            .Select((e, i) => Quote(e, $"{at}.evidence[{i}]", errors)).OfType<LlmQuote>().ToList();
        var drivers = JsonFields.Array(element, "drivers", at, errors, required: false)
            .Select((d, i) => Driver(d, $"{at}.drivers[{i}]", errors)).OfType<LlmDriver>().ToList();
        var level = element.TryGetProperty("level", out var raw) && raw.ValueKind == JsonValueKind.String
            && Enum.TryParse<RiskLevel>(raw.GetString(), ignoreCase: true, out var parsed) ? parsed : (RiskLevel?)null;
        return errors.Count > before ? null : new LlmSubcategory(field!, score!.Value, level, evidence, drivers, mitigation!);
    }

    private static RiskField? Field(JsonElement element, RiskCategory category, string at, List<string> errors)
    {
        var name = JsonFields.Text(element, "field", at, errors: [], required: false) ?? JsonFields.Text(element, "name", at, errors: [], required: false);
        var field = name is null ? null : category.Fields.FirstOrDefault(f =>
            string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(RiskTaxonomy.FieldName(f.Name), name, StringComparison.OrdinalIgnoreCase));
        if (field is null)
        {
            errors.Add($"{at}.field '{name}' is not a field of {category.Key} ({string.Join(", ", category.Fields.Select(f => f.Key))})");
        }

        return field;
    }

    private static LlmQuote? Quote(JsonElement element, string at, List<string> errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return string.IsNullOrWhiteSpace(element.GetString()) ? null : new LlmQuote(element.GetString()!.Trim(), null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at} must be an object with quote and page");
            return null;
        }

        var quote = JsonFields.Text(element, "quote", at, errors);
        return quote is null ? null : new LlmQuote(quote, JsonFields.Page(element));
    }

    private static LlmDriver? Driver(JsonElement element, string at, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at} must be an object with rule and effect");
            return null;
        }

        var rule = JsonFields.Text(element, "rule", at, errors);
        var effect = JsonFields.Number(element, "effect", at, errors, -100, 100);
        var description = JsonFields.Text(element, "description", at, errors, required: false);
        var quote = JsonFields.Text(element, "quote", at, errors, required: false);
        return rule is null || effect is null ? null
            : new LlmDriver(rule, effect.Value, description, quote is null ? null : new LlmQuote(quote, JsonFields.Page(element)));
    }
}
