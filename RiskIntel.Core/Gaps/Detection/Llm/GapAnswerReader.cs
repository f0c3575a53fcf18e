using System.Globalization;
using System.Text.Json;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Gaps.Detection.Llm;

/// <summary>
/// Holds a model's answer to the gap schema: <c>{ "gaps": [ { field, status, extractedValue, evidence: [ { quote,
/// page } ] } ] }</c>. Unknown field keys and statuses are errors the model is shown (one repair); fields it left
/// out are tolerated and become MISSING; a field listed twice keeps its stronger verdict. Category, label and
/// isMandatory are ignored: they come from the taxonomy and the mandatory table, never from the model.
/// </summary>
internal static class GapAnswerReader
{
    public static GapAnswer? Read(JsonElement root, List<string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("gaps", out var gaps) || gaps.ValueKind != JsonValueKind.Array)
        {
            errors.Add("the answer must be an object with a \"gaps\" array");
            return null;
        }

        var items = new Dictionary<string, GapAnswerItem>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in gaps.EnumerateArray())
        {
            if (ReadItem(element, $"gaps[{index++}]", errors) is { } item
                && (!items.TryGetValue(item.Field, out var earlier) || item.Status > earlier.Status))
            {
                items[item.Field] = item;
            }
        }

        return errors.Count == 0 ? new GapAnswer(items) : null;
    }

    private static GapAnswerItem? ReadItem(JsonElement element, string path, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path} must be an object");
            return null;
        }

        var field = Text(element, "field");
        var status = Text(element, "status");
        var before = errors.Count;
        if (field is null || RiskTaxonomy.Find(field) is null)
        {
            errors.Add($"{path}.field {(field is null ? "is missing" : $"\"{field}\" is not one of the 35 field keys")} (use keys such as FINANCIAL.revenue)");
        }

        var parsed = ParseStatus(status);
        if (parsed is null)
        {
            errors.Add($"{path}.status must be \"MISSING\", \"PARTIAL\" or \"VERIFIED\"");
        }

        var evidence = Evidence(element, path, errors);
        return errors.Count > before ? null : new GapAnswerItem(field!, parsed!.Value, Value(element), evidence);
    }

    private static GapStatus? ParseStatus(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "MISSING" => GapStatus.Missing,
        "PARTIAL" => GapStatus.Partial,
        "VERIFIED" => GapStatus.Verified,
        _ => null,
    };

    private static List<QuoteClaim> Evidence(JsonElement element, string path, List<string> errors)
    {
        var claims = new List<QuoteClaim>();
        if (!element.TryGetProperty("evidence", out var evidence) || evidence.ValueKind == JsonValueKind.Null)
        {
            return claims;
        }

        if (evidence.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}.evidence must be an array of {{ \"quote\", \"page\" }}");
            return claims;
        }

        var index = 0;
        foreach (var item in evidence.EnumerateArray())
        {
            var at = $"{path}.evidence[{index++}]";
            var quote = item.ValueKind == JsonValueKind.String ? item.GetString() : Text(item, "quote");
            if (string.IsNullOrWhiteSpace(quote))
            {
                errors.Add($"{at}.quote must be a non-empty string copied from the document");
                continue;
            }

            claims.Add(new QuoteClaim(quote, Page(item, at, errors)));
        }

        return claims;
    }

    private static int? Page(JsonElement item, string path, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("page", out var page) || page.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (page.ValueKind == JsonValueKind.Number && page.TryGetInt32(out var number))
        {
            return number;
        }

        if (page.ValueKind == JsonValueKind.String && int.TryParse(page.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        errors.Add($"{path}.page must be a page number or null");
        return null;
    }

    private static string? Value(JsonElement element) =>
        element.TryGetProperty("extractedValue", out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
