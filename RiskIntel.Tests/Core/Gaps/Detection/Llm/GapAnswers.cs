using System.Text.Json;
using RiskIntel.Core.Risk;

namespace RiskIntel.Tests.Core.Gaps.Detection.Llm;

/// <summary>Model answers for scripted tests: all 35 fields MISSING unless given, in the schema the prompt asks for.</summary>
internal static class GapAnswers
{
    public static string With(params (string Field, string Status, string? Value, (string Quote, int? Page)[] Evidence)[] fields)
    {
        var given = fields.ToDictionary(f => f.Field, StringComparer.Ordinal);
        var gaps = RiskTaxonomy.Fields.Select(f => given.TryGetValue(f.Key, out var g)
            ? new { field = f.Key, status = g.Status, extractedValue = g.Value, evidence = g.Evidence.Select(e => new { quote = e.Quote, page = e.Page }).ToArray() }
            : new { field = f.Key, status = "MISSING", extractedValue = (string?)null, evidence = Array.Empty<object>().Select(_ => new { quote = "", page = (int?)null }).ToArray() });
        return "Here is the assessment:\n```json\n" + JsonSerializer.Serialize(new { gaps }) + "\n```";
    }

    public static string Only(params (string Field, string Status, string? Value, (string Quote, int? Page)[] Evidence)[] fields) =>
        JsonSerializer.Serialize(new
        {
            gaps = fields.Select(g => new { field = g.Field, status = g.Status, extractedValue = g.Value, evidence = g.Evidence.Select(e => new { quote = e.Quote, page = e.Page }) }),
        });
}
