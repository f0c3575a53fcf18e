using System.Globalization;
using RiskIntel.Core.Ai.Offline;
using RiskIntel.Core.Documents;

namespace RiskIntel.Core.Gaps.Detection.Llm;

/// <summary>
/// The document text as the model reads it: each page behind a marker (<c>[page 3]</c>, or
/// <c>[plan.pdf, page 3]</c> when there are several documents) so quotes can cite pages, packed into parts
/// that fit a token budget. A page too long for one part is cut at paragraph, then line, then word boundaries.
/// </summary>
internal static class DocumentChunker
{
    public static IReadOnlyList<string> Split(IReadOnlyList<DocumentText> documents, int maxTokens)
    {
        var parts = new List<string>();
        var current = new List<string>();
        var currentTokens = 0;
        foreach (var unit in documents.SelectMany(d => Units(d, documents.Count > 1, maxTokens)))
        {
            var tokens = TokenEstimator.Estimate(unit) + 1;
            if (current.Count > 0 && currentTokens + tokens > maxTokens)
            {
                parts.Add(string.Join("\n\n", current));
                current.Clear();
                currentTokens = 0;
            }

            current.Add(unit);
            currentTokens += tokens;
        }

        if (current.Count > 0)
        {
            parts.Add(string.Join("\n\n", current));
        }

        return parts;
    }

    private static IEnumerable<string> Units(DocumentText document, bool named, int maxTokens)
    {
        foreach (var page in document.Pages.OrderBy(p => p.Page).Where(p => !string.IsNullOrWhiteSpace(p.Text)))
        {
            var marker = named
                ? string.Create(CultureInfo.InvariantCulture, $"[{document.FileName}, page {page.Page}]")
                : string.Create(CultureInfo.InvariantCulture, $"[page {page.Page}]");
            var room = Math.Max(1, maxTokens - TokenEstimator.Estimate(marker) - 8) * 4;
            var pieces = Cut(page.Text.Trim(), room);
            for (var i = 0; i < pieces.Count; i++)
            {
                yield return (i == 0 ? marker : marker[..^1] + ", continued]") + "\n" + pieces[i];
            }
        }
    }

    /// <summary>Pieces of at most <paramref name="maxChars"/>, cut at the last paragraph, line or word break that fits.</summary>
    private static List<string> Cut(string text, int maxChars)
    {
        var pieces = new List<string>();
        while (text.Length > maxChars)
        {
            var window = text[..maxChars];
            var at = new[] { window.LastIndexOf("\n\n", StringComparison.Ordinal), window.LastIndexOf('\n'), window.LastIndexOf(' ') }
                .FirstOrDefault(i => i > maxChars / 2, maxChars);
            pieces.Add(text[..at].TrimEnd());
            text = text[at..].TrimStart();
        }

        pieces.Add(text);
        return pieces;
    }
}
