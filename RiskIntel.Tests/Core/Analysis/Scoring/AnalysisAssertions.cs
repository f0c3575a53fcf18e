using System.Globalization;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

/// <summary>Checks every engine's output must pass, whatever produced it.</summary>
internal static class AnalysisAssertions
{
    /// <summary>One line per category: <c>FINANCIAL 47.2 MODERATE revenue=44 cost_structure=42 …</c>.</summary>
    public static string ScoreTable(RiskAnalysisOutcome outcome) => string.Join("\n", outcome.Scores.Select(c =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Category} {c.Score:0.0} {c.Level.ToString().ToUpperInvariant()} ")
        + string.Join(' ', c.Subcategories.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Field[(s.Field.IndexOf('.') + 1)..]}={s.Score:0.#}")))));

    public static IEnumerable<(string Field, Evidence Evidence)> AllQuotes(RiskAnalysisOutcome outcome) =>
        outcome.Scores.SelectMany(c => c.Subcategories).SelectMany(s =>
            s.Evidence.Select(e => (s.Field, e)).Concat(s.Drivers.Where(d => d.Evidence is not null).Select(d => (s.Field, d.Evidence!))));

    /// <summary>Every quote is in the parsed text of the page it names, or is the field's correction word for word.</summary>
    public static void QuotesAreInTheTextOrTheCorrection(RiskAnalysisOutcome outcome, IReadOnlyList<DocumentText> documents)
    {
        var corrections = outcome.Scores.SelectMany(c => c.Subcategories).ToDictionary(s => s.Field, s => s.Correction);
        foreach (var (field, evidence) in AllQuotes(outcome))
        {
            if (evidence.DocumentId is null)
            {
                Assert.Equal(corrections[field], evidence.Quote);
                continue;
            }

            var page = documents.Single(d => d.DocumentId == evidence.DocumentId).Pages.Single(p => p.Page == evidence.Page);
            Assert.True(QuoteVerifier.Normalise(page.Text).Contains(QuoteVerifier.Normalise(evidence.Quote), StringComparison.Ordinal),
                $"{field}: \"{evidence.Quote}\" is not on page {evidence.Page}");
        }
    }

    public static void ScoresAreMeansAndLevelsFollowScores(RiskAnalysisOutcome outcome)
    {
        Assert.Equal(7, outcome.Scores.Count);
        foreach (var category in outcome.Scores)
        {
            Assert.Equal(5, category.Subcategories.Count);
            Assert.Equal(Math.Round(category.Subcategories.Average(s => s.Score), 1, MidpointRounding.AwayFromZero), category.Score);
            Assert.Equal(RiskIntel.Core.Risk.RiskLevels.For(category.Score), category.Level);
            Assert.All(category.Subcategories, s => Assert.Equal(RiskIntel.Core.Risk.RiskLevels.For(s.Score), s.Level));
        }

        Assert.Equal(Math.Round(outcome.Scores.Average(c => c.Score), 1, MidpointRounding.AwayFromZero), outcome.OverallScore);
        Assert.Equal(RiskIntel.Core.Risk.RiskLevels.For(outcome.OverallScore), outcome.OverallLevel);
    }

    public static SubcategoryScore Field(RiskAnalysisOutcome outcome, string field) =>
        outcome.Scores.SelectMany(c => c.Subcategories).Single(s => s.Field == field);

    public static CategoryScore Category(RiskAnalysisOutcome outcome, string category) =>
        outcome.Scores.Single(c => c.Category == category);
}
