using RiskIntel.Core.Analysis;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Narrative;

/// <summary>
/// The offline executive summary, 150–250 words: who the partner is, the overall score and level, the categories
/// that carry the risk, the decisive drivers (the strongest one quoted), the mitigants, the missing information,
/// the high-priority conditions and a verdict. Optional sentences are added or left out to stay within the length.
/// </summary>
internal static class ExecutiveSummaryComposer
{
    public const int MinWords = 150;
    public const int MaxWords = 250;

    public static string Compose(ReportNarrativeRequest request, AnalysisHighlights highlights)
    {
        var analysis = request.Analysis;
        var core = new List<string>
        {
            $"{request.CompanyName}, {Article(request.CompanyType)} {request.CompanyType}{(request.Country is null ? "" : " in " + request.Country)}, "
                + $"scores {Phrase.Score(analysis.OverallScore)}/100 overall: a {Phrase.Level(analysis.OverallLevel)} risk profile.",
            Categories(highlights),
        };
        core.AddRange(Risks(highlights));
        var verdict = Verdict(analysis.OverallLevel, highlights.Recommendations(RecommendationPriority.High).Count);

        // Added in this order while the summary stays within MaxWords, but written in reading order.
        var optional = new List<(int Order, string Sentence)>();
        optional.AddRange(Conditions(highlights).Select(c => (3, c)));
        optional.AddRange(Mitigants(highlights).Select(m => (1, m)));
        optional.AddRange(Gaps(highlights).Select(g => (2, g)));
        optional.Add((4, AllScores(analysis)));

        var picked = new List<(int Order, string Sentence)>();
        foreach (var candidate in optional)
        {
            if (Phrase.Words(string.Join(' ', core.Concat(picked.Select(p => p.Sentence)).Append(candidate.Sentence).Append(verdict))) <= MaxWords)
            {
                picked.Add(candidate);
            }
        }

        var chosen = core.Concat(picked.OrderBy(p => p.Order).Select(p => p.Sentence)).ToList();
        // A thin analysis (few drivers, nothing missing) still gets a summary of proper length: the narratives of the riskiest categories fill it.
        foreach (var sentence in Filler(highlights).Where(f => !chosen.Contains(f)))
        {
            var words = Phrase.Words(string.Join(' ', chosen.Append(verdict)));
            if (words >= MinWords)
            {
                break;
            }

            if (words + Phrase.Words(sentence) <= MaxWords)
            {
                chosen.Add(sentence);
            }
        }

        chosen.Add(verdict);
        return string.Join(' ', chosen);
    }

    private static string Categories(AnalysisHighlights highlights)
    {
        var top = highlights.ByScore.Take(2).Select(c => $"{AnalysisHighlights.Label(c.Category)} ({Phrase.Score(c.Score)}, {Phrase.Level(c.Level)})").ToList();
        var best = highlights.ByScore[^1];
        return $"Risk is concentrated in {Phrase.Join(top)}; {AnalysisHighlights.Label(best.Category)} is the strongest area at {Phrase.Score(best.Score)}.";
    }

    private static IEnumerable<string> Risks(AnalysisHighlights highlights)
    {
        var risks = highlights.Risks.Take(3).ToList();
        if (risks.Count == 0)
        {
            yield return "No specific risk indicator was found in the documents; the scores rest on sector baselines and the information available.";
            yield break;
        }

        yield return $"The decisive risks are {Phrase.Join(risks.Select(Describe).ToList())}.";
        if (risks[0].Driver.Evidence is { } evidence && Phrase.Words(evidence.Quote) <= 30)
        {
            var source = evidence.Page is { } page ? $" (p. {page})" : evidence.DocumentId is null ? " (analyst's correction)" : "";
            yield return $"On the first, the file reads: \"{evidence.Quote.TrimEnd('.')}\"{source}.";
        }
    }

    private static IEnumerable<string> Mitigants(AnalysisHighlights highlights)
    {
        var mitigants = highlights.Mitigants.Take(3).ToList();
        if (mitigants.Count > 0)
        {
            yield return $"Against this stand {Phrase.Join(mitigants.Select(Describe).ToList())}.";
        }
    }

    private static IEnumerable<string> Gaps(AnalysisHighlights highlights)
    {
        var gaps = highlights.InformationGaps;
        if (gaps.Count > 0)
        {
            var names = gaps.Take(4).Select(g => g.Field.Name).ToList();
            yield return $"Information is missing or incomplete on {gaps.Count} of the 35 fields, among them {Phrase.Join(names)}, which raises their scores until it is supplied.";
        }
    }

    private static IEnumerable<string> Conditions(AnalysisHighlights highlights)
    {
        var high = highlights.Recommendations(RecommendationPriority.High).Take(3).ToList();
        if (high.Count > 0)
        {
            yield return $"The high-priority conditions are: {string.Join(" ", high.Select(r => r.Text.TrimEnd('.') + "."))}";
        }
    }

    private static IEnumerable<string> Filler(AnalysisHighlights highlights) =>
        highlights.ByScore.Take(3)
            .SelectMany(c => c.Narrative.Split(". ", StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(sentence => sentence.EndsWith('.') ? sentence : sentence + ".")
                .Where(sentence => !sentence.StartsWith("No specific risk indicator", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal);

    private static string AllScores(RiskAnalysisResult analysis) =>
        "Category scores: " + string.Join(", ", analysis.Scores.Select(c => $"{AnalysisHighlights.Label(c.Category)} {Phrase.Score(c.Score)}")) + ".";

    private static string Describe(FieldDriver d) =>
        $"{Phrase.Inline(d.Driver.Description ?? d.Driver.Rule)} ({d.Field.Name}, {Phrase.Effect(d.Driver.Effect)})";

    internal static string Verdict(RiskLevel level, int highPriorityConditions) => (level, highPriorityConditions > 0) switch
    {
        (RiskLevel.Low, _) => "On this evidence the partner can be financed on standard terms with routine monitoring.",
        (RiskLevel.Moderate, true) => "On this evidence financing can proceed, provided the high-priority conditions are met and monitored.",
        (RiskLevel.Moderate, false) => "On this evidence financing can proceed on standard terms, with the open points followed up at monitoring.",
        (RiskLevel.High, _) => "On this evidence financing should proceed only once the high-priority conditions are met, with close monitoring afterwards.",
        _ => "On this evidence the partner should not be financed until the critical risks above are resolved.",
    };

    private static string Article(string word) => word.Length > 0 && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
