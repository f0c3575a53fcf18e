using System.Globalization;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Gaps.Detection.Llm;

/// <summary>
/// Merges the answers for the parts of a long document into one claim per field: the strongest status any part
/// gave wins, its extracted value is kept, and the quotes of all parts are pooled (strongest parts first).
/// A field no part listed is MISSING, with a note saying so.
/// </summary>
internal static class GapAnswerMerger
{
    public static Dictionary<string, GapCandidate> Merge(IReadOnlyList<GapAnswer> answers)
    {
        var merged = new Dictionary<string, GapCandidate>(StringComparer.Ordinal);
        foreach (var field in RiskTaxonomy.Fields)
        {
            var items = answers.Select(a => a.Items.GetValueOrDefault(field.Key)).OfType<GapAnswerItem>()
                .OrderByDescending(i => i.Status).ToList();
            merged[field.Key] = items.Count == 0
                ? new GapCandidate(field.Key, GapStatus.Missing, null, [], [], ["the model's answer did not list this field; treated as MISSING"])
                : Combine(field.Key, items, answers.Count);
        }

        return merged;
    }

    private static GapCandidate Combine(string field, List<GapAnswerItem> items, int parts)
    {
        var status = items[0].Status;
        var value = items.Where(i => i.Status == status).Select(i => i.ExtractedValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var quotes = items.SelectMany(i => i.Evidence).DistinctBy(q => QuoteVerifier.Normalise(q.Quote), StringComparer.Ordinal).ToList();
        List<string> notes = parts > 1
            ? [string.Create(CultureInfo.InvariantCulture, $"merged from the answers for {items.Count} of {parts} document parts")]
            : [];
        return new GapCandidate(field, status, value, quotes, [], notes);
    }
}
