using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// The offline narrative of a category, composed from its scores and drivers: level and score, the decisive
/// risk drivers and mitigants by name, the riskiest and safest fields, and the information that is missing.
/// </summary>
internal static class CategoryNarrative
{
    public static string Compose(RiskCategory category, double score, IReadOnlyList<ScoredSubcategory> scored)
    {
        var sentences = new List<string> { $"{category.Label} risk is {Phrase.Level(RiskLevels.For(score))} at {Phrase.Score(score)}/100." };
        var risks = scored.SelectMany(s => s.Risks.Select(f => (s, f))).OrderByDescending(x => x.f.Rule.Effect).Take(3).ToList();
        var mitigants = scored.SelectMany(s => s.Mitigants.Select(f => (s, f))).OrderBy(x => x.f.Rule.Effect).Take(2).ToList();

        if (risks.Count > 0)
        {
            sentences.Add(risks.Count == 1
                ? $"The decisive driver is {Driver(risks[0].s, risks[0].f)}."
                : $"The decisive drivers are {Phrase.Join(risks.Select(x => Driver(x.s, x.f)).ToList())}.");
        }

        if (mitigants.Count > 0)
        {
            var list = Phrase.Capitalise(Phrase.Join(mitigants.Select(x => Driver(x.s, x.f)).ToList()));
            var verb = mitigants.Count == 1 ? "offsets" : "offset";
            sentences.Add(risks.Count > 0 ? $"{list} partly {verb} this." : $"{list} {(mitigants.Count == 1 ? "keeps" : "keep")} the risk down.");
        }

        var byScore = scored.OrderByDescending(s => s.Score.Score).ToList();
        if (byScore[0].Score.Score > byScore[^1].Score.Score)
        {
            sentences.Add($"{byScore[0].Rules.Field.Label} is the riskiest field at {Phrase.Score(byScore[0].Score.Score)} ({Phrase.Level(byScore[0].Score.Level)}), "
                + $"{byScore[^1].Rules.Field.Name} the least risky at {Phrase.Score(byScore[^1].Score.Score)}.");
        }

        sentences.AddRange(MissingInformation(scored));

        var corrected = scored.Where(s => s.CorrectionUsed).Select(s => s.Rules.Field.Name).ToList();
        if (corrected.Count > 0)
        {
            sentences.Add($"The analyst's corrections on {Phrase.Join(corrected)} were scored as evidence.");
        }

        if (risks.Count == 0 && scored.All(s => s.Penalty == 0))
        {
            sentences.Add("No specific risk indicator was found in the documents; the score rests on the sector baselines"
                + (mitigants.Count > 0 ? " less the mitigants above." : "."));
        }

        return string.Join(' ', sentences);
    }

    private static string Driver(ScoredSubcategory s, FiredRule f) =>
        $"{Phrase.Inline(f.Rule.Description)} ({s.Rules.Field.Name}, {Phrase.Effect(f.Rule.Effect)})";

    private static IEnumerable<string> MissingInformation(IReadOnlyList<ScoredSubcategory> scored)
    {
        var missing = scored.Where(s => s.Penalty > 0 && s.Gap.Status == ReviewedGapStatus.Missing).Select(s => s.Rules.Field.Name).ToList();
        var partial = scored.Where(s => s.Penalty > 0 && s.Gap.Status == ReviewedGapStatus.Partial).Select(s => s.Rules.Field.Name).ToList();
        if (missing.Count + partial.Count == 0)
        {
            yield break;
        }

        var clauses = new List<string>();
        if (missing.Count > 0)
        {
            clauses.Add($"no information on {Phrase.Join(missing)}");
        }

        if (partial.Count > 0)
        {
            clauses.Add($"only partial information on {Phrase.Join(partial)}");
        }

        var points = scored.Sum(s => s.Penalty);
        yield return $"The documents give {string.Join(" and ", clauses)}, which adds {Phrase.Points(points)} points across the category's fields.";
    }
}
