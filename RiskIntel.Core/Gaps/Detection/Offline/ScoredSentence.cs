namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>A sentence relevant to one field: the terms that fired, and whether it is specific or negated evidence.</summary>
internal sealed record ScoredSentence(
    Sentence Sentence,
    IReadOnlyList<TermHit> Hits,
    IReadOnlyList<string> FigureKinds,
    bool HeadingSupport,
    bool Negated,
    bool Specific,
    double Score)
{
    public bool IsHeading => Sentence.Kind == SentenceKind.Heading;

    /// <summary>Where the quote should centre: the first term that was not negated, else the first term.</summary>
    public int Focus => (Hits.FirstOrDefault(h => !h.Negated) ?? Hits[0]).Start;
}
