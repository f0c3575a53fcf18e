namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>The lexicon as stored in <c>gap-lexicon.json</c>, before its terms are compiled.</summary>
internal sealed record LexiconData(
    int Version,
    NegationData Negation,
    IReadOnlyList<string> Currencies,
    IReadOnlyDictionary<string, string> Figures,
    IReadOnlyList<FieldLexiconData> Fields);

internal sealed record NegationData(IReadOnlyList<string> Cues, IReadOnlyList<string> Exceptions, int WindowWords, int AfterWords);

internal sealed record FieldLexiconData(
    string Field,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string>? Weak,
    IReadOnlyList<string>? Specific,
    IReadOnlyList<string>? Figures,
    IReadOnlyList<string>? Exclude,
    bool NeedsFigure);
