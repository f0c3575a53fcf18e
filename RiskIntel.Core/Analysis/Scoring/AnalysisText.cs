using RiskIntel.Core.Documents;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>A sentence of the parsed text (or of a correction, without document and page), and its normalised form.</summary>
internal sealed record TextSentence(Guid? DocumentId, int? Page, string Text, string Normalised)
{
    /// <summary>Headings and title lines are searched by nobody: they are too thin to stand as evidence.</summary>
    public bool Quotable { get; } = !SentenceSplitter.IsHeading(Text);

    public static TextSentence From(string text, Guid? documentId, int? page) =>
        new(documentId, page, text, QuoteVerifier.Normalise(text));
}

/// <summary>The documents of one analysis split into sentences once, with the verifier every quote goes through.</summary>
internal sealed class AnalysisText
{
    public AnalysisText(IReadOnlyList<DocumentText> documents)
    {
        Verifier = new QuoteVerifier(documents);
        Sentences = documents
            .SelectMany(d => d.Pages.OrderBy(p => p.Page).SelectMany(p =>
                SentenceSplitter.Split(p.Text).Select(s => TextSentence.From(s, d.DocumentId, p.Page))))
            .ToList();
    }

    public QuoteVerifier Verifier { get; }

    public IReadOnlyList<TextSentence> Sentences { get; }

    /// <summary>
    /// The sentences in the order a field's rules search them: those that hold (or lie within) the field's own gap
    /// evidence first, since gap detection already found them relevant, then the rest in document order.
    /// </summary>
    public IReadOnlyList<TextSentence> SearchOrder(IReadOnlyList<Evidence> fieldEvidence)
    {
        var first = EvidenceSentences(fieldEvidence);
        if (first.Count == 0)
        {
            return Sentences;
        }

        var chosen = first.ToHashSet();
        return first.Select(i => Sentences[i]).Concat(Sentences.Where((_, i) => !chosen.Contains(i))).ToList();
    }

    /// <summary>Indexes, in document order, of the sentences that contain a quote or lie within one.</summary>
    public IReadOnlyList<int> EvidenceSentences(IReadOnlyList<Evidence> evidence)
    {
        var quotes = evidence.Select(e => QuoteVerifier.Normalise(e.Quote)).Where(q => q.Length > 0).ToList();
        return Enumerable.Range(0, Sentences.Count)
            .Where(i => quotes.Any(q => Sentences[i].Normalised.Contains(q, StringComparison.Ordinal)
                || (Sentences[i].Normalised.Length >= 20 && q.Contains(Sentences[i].Normalised, StringComparison.Ordinal))))
            .ToList();
    }

    public static IReadOnlyList<TextSentence> OfCorrection(string? correction) =>
        correction is null ? [] : SentenceSplitter.Split(correction).Select(s => TextSentence.From(s, null, null)).ToList();
}
