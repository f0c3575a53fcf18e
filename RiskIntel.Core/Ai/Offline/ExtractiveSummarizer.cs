using System.Text.RegularExpressions;

namespace RiskIntel.Core.Ai.Offline;

/// <summary>
/// Picks the sentences whose words are most frequent in the whole text (a classic frequency-based
/// extractive summary), returned in their original order.
/// </summary>
public static partial class ExtractiveSummarizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
        "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "will", "with", "we", "our", "you",
    };

    public static IReadOnlyList<string> Summarize(string? text, int maxSentences)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var sentences = SentenceSplit().Split(text.Trim())
            .Select(s => WhiteSpace().Replace(s, " ").Trim())
            .Where(s => s.Length > 0)
            .ToList();
        var frequencies = Words(text)
            .GroupBy(w => w, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

        return sentences
            .Select((sentence, index) => (sentence, index, score: Score(sentence, frequencies)))
            .OrderByDescending(s => s.score)
            .ThenBy(s => s.index)
            .Take(maxSentences)
            .OrderBy(s => s.index)
            .Select(s => s.sentence)
            .ToList();
    }

    // In double: a sentence of n repeats of one word sums n × n, which passes int (and soon long) on user input.
    private static double Score(string sentence, Dictionary<string, int> frequencies)
    {
        var words = Words(sentence).ToList();
        return words.Count == 0 ? 0 : words.Sum(w => (double)frequencies.GetValueOrDefault(w)) / Math.Sqrt(words.Count);
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value).Where(w => !StopWords.Contains(w));

    [GeneratedRegex(@"(?<=[.!?])\s+|\n{2,}")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'-]*")]
    private static partial Regex WordPattern();
}
