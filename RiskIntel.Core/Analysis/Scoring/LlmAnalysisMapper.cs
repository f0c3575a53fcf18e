using System.Security.Cryptography;
using System.Text;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// Turns a validated model answer into the analysis: every quote is checked against the parsed text (or the
/// field's correction) and dropped when it is not there, and category and overall scores and all levels are
/// recomputed from the field scores. What had to be corrected is returned as notes.
/// </summary>
internal static class LlmAnalysisMapper
{
    public static (IReadOnlyList<CategoryScore> Categories, List<string> Notes) Map(
        LlmAnalysisAnswer answer, IReadOnlyDictionary<string, ReviewedGap> gaps, QuoteVerifier verifier)
    {
        var notes = new List<string>();
        var categories = answer.Categories.Select(category =>
        {
            var subcategories = category.Subcategories.Select(s => Subcategory(s, gaps[s.Field.Key], verifier, notes)).ToList();
            var result = RiskScoreMath.Category(category.Category.Key, subcategories, category.Narrative, Recommendations(category));
            NoteArithmetic(category.Category.Key, category.ClaimedScore, result.Score, notes);
            return result;
        }).ToList();

        NoteArithmetic("overall", answer.ClaimedOverall, RiskScoreMath.Overall(categories).Score, notes);
        return (categories, notes);
    }

    private static SubcategoryScore Subcategory(LlmSubcategory answer, ReviewedGap gap, QuoteVerifier verifier, List<string> notes)
    {
        var correction = gap.CorrectionText;
        var evidence = new List<Evidence>();
        if (correction is not null)
        {
            evidence.Add(new Evidence(correction, null, null));
        }

        foreach (var quote in answer.Evidence)
        {
            if (Verify(quote, correction, verifier) is { } verified)
            {
                evidence.Add(verified);
            }
            else
            {
                notes.Add($"{answer.Field.Key}: dropped evidence not found in the parsed text: \"{SubcategoryScorer.Shorten(quote.Quote)}\"");
            }
        }

        var drivers = answer.Drivers.Select(d => Driver(d, answer.Field.Key, correction, verifier, notes)).ToList();
        var score = RiskLevels.Round(answer.Score);
        if (answer.ClaimedLevel is { } claimed && claimed != RiskLevels.For(score))
        {
            notes.Add($"{answer.Field.Key}: the model's level {Phrase.Upper(claimed)} does not match its score {Phrase.Score(score)}; recomputed as {Phrase.Upper(RiskLevels.For(score))}");
        }

        return new SubcategoryScore(answer.Field.Key, answer.Field.Label, score, RiskLevels.For(score),
            evidence.DistinctBy(e => QuoteVerifier.Normalise(e.Quote)).ToList(), correction, drivers, answer.Mitigation);
    }

    private static ScoreDriver Driver(LlmDriver driver, string field, string? correction, QuoteVerifier verifier, List<string> notes)
    {
        if (driver.Quote is null)
        {
            return new ScoreDriver(driver.Rule, driver.Effect, driver.Description);
        }

        if (Verify(driver.Quote, correction, verifier) is { } verified)
        {
            return new ScoreDriver(driver.Rule, driver.Effect, driver.Description, verified);
        }

        notes.Add($"{field}: driver '{driver.Rule}' cited a quote not found in the parsed text; the quote was dropped: \"{SubcategoryScorer.Shorten(driver.Quote.Quote)}\"");
        var description = (driver.Description is null ? "" : driver.Description + " ") + "(quote not found in the documents; dropped)";
        return new ScoreDriver(driver.Rule, driver.Effect, description);
    }

    /// <summary>The quote as evidence when it is in the parsed text, or the correction when it quotes the correction.</summary>
    private static Evidence? Verify(LlmQuote quote, string? correction, QuoteVerifier verifier)
    {
        if (correction is not null && QuoteVerifier.Normalise(correction).Contains(QuoteVerifier.Normalise(quote.Quote), StringComparison.Ordinal)
            && QuoteVerifier.Normalise(quote.Quote).Length >= 8)
        {
            return new Evidence(correction, null, null);
        }

        return verifier.Verify(quote.Quote, quote.Page);
    }

    private static List<Recommendation> Recommendations(LlmCategory category) =>
        category.Recommendations
            .Select(r => new Recommendation($"{category.Category.Key}.llm-{Hash(r.Text)}", r.Text, r.Priority))
            .DistinctBy(r => r.Id)
            .OrderBy(r => r.Priority)
            .ToList();

    /// <summary>Same text, same id: a re-run that repeats a recommendation keeps its id, so versions can be compared.</summary>
    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(QuoteVerifier.Normalise(text))))[..10];

    private static void NoteArithmetic(string what, double? claimed, double computed, List<string> notes)
    {
        if (claimed is { } value && Math.Abs(value - computed) >= 0.1)
        {
            notes.Add($"{what}: the model's score {Phrase.Score(value)} was replaced by the mean of its parts, {Phrase.Score(computed)}");
        }
    }
}
