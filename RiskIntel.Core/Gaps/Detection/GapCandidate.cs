namespace RiskIntel.Core.Gaps.Detection;

/// <summary>
/// An engine's unverified claim about one field. <see cref="Mentioned"/> says the engine saw the topic in the
/// text itself (the offline lexicon), so the field may stay PARTIAL even when no quote survives.
/// </summary>
internal sealed record GapCandidate(
    string Field,
    GapStatus Status,
    string? ExtractedValue,
    IReadOnlyList<QuoteClaim> Quotes,
    IReadOnlyList<string> MatchedTerms,
    IReadOnlyList<string> Notes,
    bool Mentioned = false);

/// <summary>A quote as an engine cites it, with the page (and document) it claims.</summary>
internal sealed record QuoteClaim(string Quote, int? Page, Guid? DocumentId = null);
