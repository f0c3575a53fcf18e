using RiskIntel.Core.Documents;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// Scores one field: baseline + missing-information penalty + the effects of the rules that fired, held to
/// 0–100. Every step is a driver, so the drivers' effects add up to the score.
/// </summary>
internal sealed class SubcategoryScorer(RiskRuleTable table)
{
    public const string BaselineRule = "baseline";
    public const string MissingRule = "missing-information";
    public const string PartialRule = "partial-information";
    public const string BoundsRule = "score-bounds";
    private const int MaxEvidence = 6;

    private readonly RuleMatcher _matcher = new(table.Negation);

    public ScoredSubcategory Score(SubcategoryRules rules, ReviewedGap gap, AnalysisText text)
    {
        var correction = gap.CorrectionText;
        var correctionSentences = AnalysisText.OfCorrection(correction);
        var verifiedGapEvidence = gap.Evidence.Select(e => text.Verifier.Verify(e.Quote, e.Page, e.DocumentId)).OfType<Evidence>().ToList();
        var sentences = text.SearchOrder(verifiedGapEvidence);
        var found = rules.Rules.Select(r => _matcher.FindFirst(r, correction, correctionSentences, sentences, text.Verifier)).OfType<FiredRule>().ToList();
        var overruled = found.Where(f => !f.FromCorrection && found.Any(c => c.FromCorrection && c.Rule.Opposes.Contains(f.Rule.Id))).ToList();
        var fired = found.Except(overruled).ToList();
        var penalty = Penalty(rules, gap);

        var drivers = new List<ScoreDriver> { new(BaselineRule, rules.Baseline, $"Baseline for {rules.Field.Name} of an agricultural partner") };
        if (penalty > 0)
        {
            drivers.Add(gap.Status == ReviewedGapStatus.Missing
                ? new ScoreDriver(MissingRule, penalty, $"Gap review: no information on {rules.Field.Name}")
                : new ScoreDriver(PartialRule, penalty, $"Gap review: only partial information on {rules.Field.Name}"));
        }

        var ordered = fired.Where(f => f.Rule.RaisesRisk).OrderByDescending(f => f.Rule.Effect)
            .Concat(fired.Where(f => !f.Rule.RaisesRisk).OrderBy(f => f.Rule.Effect)).ToList();
        drivers.AddRange(ordered.Select(f => new ScoreDriver(f.Rule.Id, f.Rule.Effect, f.Rule.Description, f.Evidence)));
        drivers.AddRange(overruled.Select(f => new ScoreDriver(f.Rule.Id, 0, $"{f.Rule.Description} (overruled by the analyst's correction)", f.Evidence)));

        var raw = drivers.Sum(d => d.Effect);
        var score = RiskLevels.Round(raw);
        if (Math.Abs(score - raw) >= 0.05)
        {
            drivers.Add(new ScoreDriver(BoundsRule, Math.Round(score - raw, 1), "Score held within 0–100"));
        }

        var notes = new List<string>();
        var evidence = Evidence(correction, ordered, gap, text, rules.Field.Key, notes);
        var result = new SubcategoryScore(rules.Field.Key, rules.Field.Label, score, RiskLevels.For(score), evidence, correction,
            drivers, SubcategoryMitigation.Compose(rules, ordered, penalty));
        return new ScoredSubcategory(rules, gap, result, ordered, penalty, notes);
    }

    private double Penalty(SubcategoryRules rules, ReviewedGap gap)
    {
        if (gap.CorrectionText is not null && table.Missing.WaivedByCorrection)
        {
            return 0;
        }

        return gap.Status switch
        {
            ReviewedGapStatus.Missing => rules.MissingPenalty,
            ReviewedGapStatus.Partial => rules.PartialPenalty,
            _ => 0,
        };
    }

    private static List<Evidence> Evidence(
        string? correction, IEnumerable<FiredRule> fired, ReviewedGap gap, AnalysisText text, string field, List<string> notes)
    {
        var all = new List<Evidence>();
        if (correction is not null)
        {
            all.Add(new Evidence(correction, null, null));
        }

        all.AddRange(fired.Where(f => !f.FromCorrection).Select(f => f.Evidence));
        foreach (var claimed in gap.Evidence)
        {
            if (text.Verifier.Verify(claimed.Quote, claimed.Page, claimed.DocumentId) is { } verified)
            {
                all.Add(verified);
            }
            else
            {
                notes.Add($"{field}: gap evidence not found in the parsed text was left out: \"{Shorten(claimed.Quote)}\"");
            }
        }

        return all.DistinctBy(e => QuoteVerifier.Normalise(e.Quote)).Take(MaxEvidence).ToList();
    }

    internal static string Shorten(string quote) => quote.Length <= 80 ? quote : quote[..77] + "...";
}
