using RiskIntel.Core.Documents;

namespace RiskIntel.Core.Gaps.Detection;

/// <summary>
/// The <c>GAP_DETECTION</c> result (SPEC §4): the engine that ran (<c>offline</c> or <c>llm</c>), the model and
/// prompt version when a model was used, and exactly 35 gaps in <see cref="Risk.RiskTaxonomy"/> order.
/// </summary>
public sealed record GapDetectionOutcome(
    string Engine,
    string? Model,
    Guid? PromptId,
    int? PromptVersion,
    IReadOnlyList<DetectedGap> Gaps);

/// <summary>
/// One field as detected. <see cref="Evidence"/> holds only quotes found verbatim in the parsed text;
/// <see cref="DroppedQuotes"/> are the ones that were not, and <see cref="Notes"/> say why the status is what
/// it is (e.g. lowered after a dropped quote). <see cref="MatchedTerms"/> lists the lexicon terms and patterns
/// that fired (offline engine), so an analyst can see why a field was found.
/// </summary>
public sealed record DetectedGap(
    string Category,
    string Field,
    string Label,
    GapStatus Status,
    string? ExtractedValue,
    IReadOnlyList<Evidence> Evidence,
    bool IsMandatory,
    IReadOnlyList<string> MatchedTerms,
    IReadOnlyList<string> DroppedQuotes,
    IReadOnlyList<string> Notes);
