using System.Text.Json;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>Reading a model's JSON field by field, adding a readable line for each breach instead of throwing.</summary>
internal static class JsonFields
{
    public static string? Text(JsonElement parent, string name, string at, List<string> errors, bool required = true)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!.Trim();
        }

        if (required || (parent.TryGetProperty(name, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.String)))
        {
            errors.Add($"{at}.{name} must be a non-empty string");
        }

        return null;
    }

    public static double? Number(JsonElement parent, string name, string at, List<string> errors, double min, double max, bool required = true)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            var number = value.GetDouble();
            if (number >= min && number <= max)
            {
                return number;
            }

            errors.Add($"{at}.{name} is {number}, outside {min}–{max}");
            return null;
        }

        if (required || (parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null))
        {
            errors.Add($"{at}.{name} must be a number");
        }

        return null;
    }

    public static int? Page(JsonElement parent) =>
        parent.TryGetProperty("page", out var page) && page.ValueKind == JsonValueKind.Number && page.TryGetInt32(out var number) && number > 0
            ? number
            : null;

    public static IEnumerable<JsonElement> Array(JsonElement parent, string name, string at, List<string> errors, bool required = true)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray().ToList();
        }

        if (required || (parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null))
        {
            errors.Add($"{at}.{name} must be an array");
        }

        return [];
    }
}
