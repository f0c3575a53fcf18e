using System.Globalization;
using System.Text;
using RiskIntel.Core.Ai.Offline;
using RiskIntel.Core.Documents;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>The document text as sent to the model, and whether (and how much) it had to be cut.</summary>
internal sealed record BudgetedText(string Text, bool Truncated, int SentTokens, int TotalTokens);

/// <summary>
/// Fits the documents into a token budget. When they do not fit whole, the sentences holding the gap evidence
/// come first (the model must be able to quote them), then the beginning of each document, taken in turn, so
/// no document is left out. Sentences stay verbatim and in order, with page markers and "[…]" where text was cut.
/// </summary>
internal static class DocumentTextBudget
{
    public const string CutNotice = "[Text cut to fit the model's budget: the sentences cited as gap evidence and the beginning of each document are kept; \"[…]\" marks omitted text.]";
    private const string Omitted = "[…]";

    public static BudgetedText Compose(IReadOnlyList<DocumentText> documents, AnalysisText text, IReadOnlyList<Evidence> gapEvidence, int tokenBudget)
    {
        var full = Whole(documents);
        var total = TokenEstimator.Estimate(full);
        if (total <= tokenBudget)
        {
            return new BudgetedText(full, false, total, total);
        }

        var overhead = TokenEstimator.Estimate(CutNotice) + documents.Sum(d => TokenEstimator.Estimate(d.FileName) + 4 + (d.Pages.Count * 4));
        var chosen = Choose(text, gapEvidence, tokenBudget - overhead);
        var cut = Render(documents, text, chosen);
        return new BudgetedText(cut, true, TokenEstimator.Estimate(cut), total);
    }

    private static string Whole(IReadOnlyList<DocumentText> documents)
    {
        var builder = new StringBuilder();
        foreach (var document in documents)
        {
            builder.Append("=== ").Append(document.FileName).AppendLine(" ===");
            foreach (var page in document.Pages.OrderBy(p => p.Page))
            {
                builder.Append(CultureInfo.InvariantCulture, $"[page {page.Page}]").AppendLine().AppendLine(page.Text.Trim());
            }
        }

        return builder.ToString();
    }

    private static HashSet<int> Choose(AnalysisText text, IReadOnlyList<Evidence> gapEvidence, int budget)
    {
        var chosen = new HashSet<int>();
        var used = 0;
        bool Take(int index)
        {
            var cost = TokenEstimator.Estimate(text.Sentences[index].Text) + 1;
            if (used + cost > budget)
            {
                return false;
            }

            used += cost;
            chosen.Add(index);
            return true;
        }

        foreach (var index in text.EvidenceSentences(gapEvidence))
        {
            Take(index);
        }

        var cursors = text.Sentences.Select((s, i) => (s.DocumentId, Index: i))
            .GroupBy(x => x.DocumentId)
            .Select(g => new Queue<int>(g.Select(x => x.Index)))
            .ToList();
        while (cursors.Any(c => c.Count > 0))
        {
            foreach (var cursor in cursors.Where(c => c.Count > 0))
            {
                var next = cursor.Dequeue();
                if (!chosen.Contains(next) && !Take(next))
                {
                    cursor.Clear();
                }
            }
        }

        return chosen;
    }

    private static string Render(IReadOnlyList<DocumentText> documents, AnalysisText text, HashSet<int> chosen)
    {
        var builder = new StringBuilder().AppendLine(CutNotice);
        foreach (var document in documents)
        {
            builder.Append("=== ").Append(document.FileName).AppendLine(" ===");
            int? page = null;
            var skipped = false;
            for (var i = 0; i < text.Sentences.Count; i++)
            {
                var sentence = text.Sentences[i];
                if (sentence.DocumentId != document.DocumentId)
                {
                    continue;
                }

                if (!chosen.Contains(i))
                {
                    skipped = true;
                    continue;
                }

                if (sentence.Page != page)
                {
                    builder.AppendLine().Append(CultureInfo.InvariantCulture, $"[page {sentence.Page}]").AppendLine();
                    page = sentence.Page;
                }

                if (skipped)
                {
                    builder.Append(Omitted).Append(' ');
                }

                builder.Append(sentence.Text).Append(' ');
                skipped = false;
            }

            builder.AppendLine(skipped ? Omitted : "");
        }

        return builder.ToString();
    }
}
