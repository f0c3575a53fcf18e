using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps.Detection.Offline;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Gaps.Detection;

/// <summary>
/// The default engine: deterministic, explainable, no network. It splits the parsed pages into sentences and
/// scores each field against a curated lexicon of terms and figure patterns (<c>gap-lexicon.json</c>, method in
/// docs/gap-detection.md). The same documents always give the same 35 gaps.
/// </summary>
public sealed class OfflineGapDetectionEngine : IGapDetectionEngine
{
    public const string EngineName = "offline";
    private readonly GapLexicon _lexicon;

    public OfflineGapDetectionEngine()
        : this(GapLexicon.Default)
    {
    }

    internal OfflineGapDetectionEngine(GapLexicon lexicon) => _lexicon = lexicon;

    public string Name => EngineName;

    public Task<GapDetectionOutcome> DetectAsync(GapDetectionRequest request, CancellationToken cancellationToken)
    {
        var sentences = SentenceSegmenter.Split(request.Documents);
        var scorer = new FieldScorer(_lexicon);
        var candidates = new Dictionary<string, GapCandidate>(StringComparer.Ordinal);
        foreach (var field in RiskTaxonomy.Fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            candidates[field.Key] = scorer.Score(_lexicon.Fields[field.Key], sentences);
        }

        var gaps = GapVerification.Apply(candidates, new QuoteVerifier(request.Documents));
        return Task.FromResult(new GapDetectionOutcome(EngineName, null, null, null, gaps));
    }
}
