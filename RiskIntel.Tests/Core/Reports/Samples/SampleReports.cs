using RiskIntel.Core.Analysis;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Reports;
using RiskIntel.Core.Risk;

namespace RiskIntel.Tests.Core.Reports.Samples;

/// <summary>
/// A complete, realistic report for tests: a Kenyan dairy cooperative, 7 × 5 scored subcategories with verbatim
/// evidence, drivers and mitigations, narratives, 12 recommendations of mixed priority, two documents.
/// Means are computed the way the analysis computes them, so the numbers agree everywhere.
/// </summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 23, 14, 5, 0, TimeSpan.Zero);
    public static readonly Guid BusinessPlanId = Guid.Parse("5d0c1a52-6a4e-4c39-9d43-1f1c2b7e0a01");
    public static readonly Guid AccountsId = Guid.Parse("5d0c1a52-6a4e-4c39-9d43-1f1c2b7e0a02");
    public const string CompanyName = "Nyeri Highlands Dairy Cooperative Society Ltd.";

    /// <param name="edit">Changes a field before scoring, e.g. to give it a very long quote.</param>
    /// <param name="companyName">Replaces the company name.</param>
    public static ReportModel Full(Func<SampleField, SampleField>? edit = null, string companyName = CompanyName)
    {
        var analysis = Analysis(SampleSubcategories.All.Select(edit ?? (f => f)).ToList());
        return new ReportModel(
            new ReportTitle(companyName, "Agricultural cooperative", "Kenya", "Working-capital facility 2027"),
            ReportVersion: 3,
            GeneratedAt,
            analysis,
            SampleTexts.ExecutiveSummary,
            SampleTexts.OverallProfile,
            CategoryNarratives: null,
            SampleTexts.Recommendations.Select((r, i) => new ReportRecommendation($"rec-{i + 1}", r.Category, r.Text, r.Priority, r.Edited)).ToList(),
            [
                new ReportDocument(BusinessPlanId, "Business plan 2027-2031.pdf", 48, "9f2c4e71b0a35d8e6c1f7a2b4d9e0c3f5a8b1d6e2f4c7a9b0e3d5f1a2c4b6d8e"),
                new ReportDocument(AccountsId, "Audited financial statements FY2025.pdf", 36, "0b7e3a9c5d1f2e4a6c8b0d2f4a6c8e0b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c"),
            ],
            new ReportProvenance(
                new ReportStep("bedrock", "anthropic.claude-sonnet-4-5", new PromptReference("Risk analysis", 4)),
                new ReportStep("bedrock", "anthropic.claude-sonnet-4-5", new PromptReference("Report narrative", 2))),
            SampleTexts.Method);
    }

    /// <summary>Scores fields the way the analysis does: category = mean of its fields, overall = mean of categories.</summary>
    public static RiskAnalysisResult Analysis(IReadOnlyList<SampleField> fields)
    {
        var categories = RiskTaxonomy.Categories.Select(category =>
        {
            var subs = category.Fields.Select(f => Subcategory(f, fields.Single(s => s.Field == f.Key))).ToList();
            var score = RiskLevels.Round(subs.Average(s => s.Score));
            var recommendations = SampleTexts.Recommendations
                .Select((r, i) => (r, i))
                .Where(p => p.r.Category == category.Key)
                .Select(p => new Recommendation($"rec-{p.i + 1}", p.r.Text, p.r.Priority))
                .ToList();
            return new CategoryScore(category.Key, score, RiskLevels.For(score), subs, SampleTexts.Narratives[category.Key], recommendations);
        }).ToList();
        var overall = RiskLevels.Round(categories.Average(c => c.Score));
        return new RiskAnalysisResult(Guid.Parse("a3c9e1f0-7b2d-4e8a-9c6f-2d4b8e0f1a3c"), 2, "bedrock", overall, RiskLevels.For(overall), categories);
    }

    private static SubcategoryScore Subcategory(RiskField field, SampleField sample)
    {
        var document = sample.Document == 0 ? BusinessPlanId : AccountsId;
        var evidence = new List<Evidence>();
        if (sample.Quote is not null)
        {
            evidence.Add(new Evidence(sample.Quote, sample.Page, document));
        }

        if (sample.SecondQuote is not null)
        {
            evidence.Add(new Evidence(sample.SecondQuote, sample.Page + 7, document));
        }

        var drivers = sample.Drivers.Select(d => new ScoreDriver(d.Rule, d.Effect, d.Description)).ToList();
        return new SubcategoryScore(field.Key, field.Label, sample.Score, RiskLevels.For(sample.Score), evidence, sample.Correction, drivers, sample.Mitigation);
    }
}
