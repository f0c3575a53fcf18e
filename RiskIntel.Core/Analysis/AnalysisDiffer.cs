namespace RiskIntel.Core.Analysis;

/// <summary>Compares two analysis versions subcategory by subcategory; unchanged subcategories are left out.</summary>
public static class AnalysisDiffer
{
    public static AnalysisDiff Compare(RiskAnalysisResult from, RiskAnalysisResult to)
    {
        var before = from.Scores.SelectMany(c => c.Subcategories).ToDictionary(s => s.Field, StringComparer.Ordinal);
        var changes = new List<SubcategoryChange>();
        foreach (var after in to.Scores.SelectMany(c => c.Subcategories))
        {
            if (!before.TryGetValue(after.Field, out var old))
            {
                continue;
            }

            var change = new SubcategoryChange(
                after.Field,
                after.Name,
                new ScoreChange(old.Score, after.Score, old.Level, after.Level),
                after.Evidence.Where(e => !old.Evidence.Any(o => SameQuote(o, e))).ToList(),
                old.Evidence.Where(e => !after.Evidence.Any(n => SameQuote(n, e))).ToList(),
                after.Drivers.Where(d => !old.Drivers.Any(o => SameDriver(o, d))).ToList(),
                old.Drivers.Where(d => !after.Drivers.Any(n => SameDriver(n, d))).ToList(),
                old.Correction,
                after.Correction);
            if (IsChange(change))
            {
                changes.Add(change);
            }
        }

        var categories = to.Scores
            .Join(from.Scores, c => c.Category, c => c.Category, (n, o) => new CategoryChange(n.Category, new ScoreChange(o.Score, n.Score, o.Level, n.Level)))
            .ToList();
        return new AnalysisDiff(from.Version, to.Version,
            new ScoreChange(from.OverallScore, to.OverallScore, from.OverallLevel, to.OverallLevel), categories, changes);
    }

    private static bool IsChange(SubcategoryChange c) =>
        c.Score.Change != 0 || c.Score.FromLevel != c.Score.ToLevel || c.EvidenceAdded.Count > 0 || c.EvidenceRemoved.Count > 0
        || c.DriversAdded.Count > 0 || c.DriversRemoved.Count > 0 || !string.Equals(c.CorrectionFrom, c.CorrectionTo, StringComparison.Ordinal);

    private static bool SameQuote(Documents.Evidence a, Documents.Evidence b) =>
        string.Equals(a.Quote, b.Quote, StringComparison.Ordinal) && a.Page == b.Page;

    private static bool SameDriver(ScoreDriver a, ScoreDriver b) =>
        string.Equals(a.Rule, b.Rule, StringComparison.Ordinal) && a.Effect.Equals(b.Effect);
}
