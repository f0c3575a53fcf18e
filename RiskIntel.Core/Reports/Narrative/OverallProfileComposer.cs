using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Narrative;

/// <summary>
/// The overall-profile paragraph: how the seven categories compare, how many fields score high, which fields
/// drive that, and where the information gaps lie.
/// </summary>
internal static class OverallProfileComposer
{
    public static string Compose(AnalysisHighlights highlights)
    {
        var analysis = highlights.Analysis;
        var levels = analysis.Scores.GroupBy(c => c.Level).OrderByDescending(g => g.Key)
            .Select((g, i) => $"{Number(g.Count())} {(i == 0 ? (g.Count() == 1 ? "category is" : "categories are") : (g.Count() == 1 ? "is" : "are"))} {Phrase.Level(g.Key)}")
            .ToList();
        if (levels.Count == 1)
        {
            levels[0] = "all " + levels[0];
        }
        var sentences = new List<string>
        {
            $"The overall score of {Phrase.Score(analysis.OverallScore)} ({Phrase.Level(analysis.OverallLevel)}) is the mean of seven category scores "
                + $"that range from {Phrase.Score(highlights.ByScore[^1].Score)} for {AnalysisHighlights.Label(highlights.ByScore[^1].Category)} "
                + $"to {Phrase.Score(highlights.ByScore[0].Score)} for {AnalysisHighlights.Label(highlights.ByScore[0].Category)}; "
                + $"{Phrase.Join(levels)}.",
        };

        var high = highlights.HighFields;
        if (high.Count > 0)
        {
            var named = high.Take(4).Select(s => $"{RiskTaxonomy.Find(s.Field)!.Name} ({Phrase.Score(s.Score)})").ToList();
            sentences.Add($"Of the 35 fields, {high.Count} score high or critical, led by {Phrase.Join(named)}.");
        }
        else
        {
            sentences.Add("No field scores high or critical.");
        }

        var risks = highlights.Risks.Count;
        var mitigants = highlights.Mitigants.Count;
        sentences.Add($"The documents show {Number(risks)} risk indicator{(risks == 1 ? "" : "s")} and {Number(mitigants)} mitigating factor{(mitigants == 1 ? "" : "s")}"
            + (mitigants > 0 && highlights.Mitigants[0] is var best ? $", the strongest mitigant being {Phrase.Inline(best.Driver.Description ?? best.Driver.Rule)} ({best.Field.Name})." : "."));

        var gaps = highlights.InformationGaps;
        if (gaps.Count > 0)
        {
            var missing = gaps.Where(g => !g.Partial).Select(g => g.Field.Name).ToList();
            var partial = gaps.Where(g => g.Partial).Select(g => g.Field.Name).ToList();
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"no information on {Few(missing)}");
            }

            if (partial.Count > 0)
            {
                parts.Add($"only partial information on {Few(partial)}");
            }

            sentences.Add($"The review found {string.Join(" and ", parts)}; supplying it would lower those scores.");
        }

        return string.Join(' ', sentences);
    }

    private static string Few(List<string> names) =>
        names.Count <= 4 ? Phrase.Join(names) : string.Join(", ", names.Take(3)) + $" and {names.Count - 3} other fields";

    private static string Number(int n) =>
        n is >= 0 and <= 7 ? new[] { "no", "one", "two", "three", "four", "five", "six", "seven" }[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
