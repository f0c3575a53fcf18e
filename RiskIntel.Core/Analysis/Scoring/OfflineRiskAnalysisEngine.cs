using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// The default engine: transparent, deterministic rules from the embedded table (docs/risk-rules.md). Each field
/// starts at its baseline; indicators found in the documents or in the analyst's correction raise or lower it,
/// and missing information raises it. The same request always gives the same analysis.
/// </summary>
public sealed class OfflineRiskAnalysisEngine : IRiskAnalysisEngine
{
    public const string EngineName = "offline-rules";

    private readonly RiskRuleTable _table;
    private readonly SubcategoryScorer _scorer;

    public OfflineRiskAnalysisEngine()
        : this(RiskRuleTable.Default)
    {
    }

    internal OfflineRiskAnalysisEngine(RiskRuleTable table)
    {
        _table = table;
        _scorer = new SubcategoryScorer(table);
    }

    public Task<RiskAnalysisOutcome> AnalyzeAsync(RiskAnalysisRequest request, CancellationToken cancellationToken)
    {
        // The work is CPU-bound and short (tens of milliseconds); failures travel in the task like any async engine's.
        try
        {
            return Task.FromResult(Analyze(request, cancellationToken));
        }
        catch (Exception ex)
        {
            return Task.FromException<RiskAnalysisOutcome>(ex);
        }
    }

    private RiskAnalysisOutcome Analyze(RiskAnalysisRequest request, CancellationToken cancellationToken)
    {
        var gaps = request.GapsInTaxonomyOrder().ToDictionary(g => g.Field, StringComparer.Ordinal);
        var text = new AnalysisText(request.Documents);
        var notes = new List<string>();
        var categories = new List<CategoryScore>();
        foreach (var category in RiskTaxonomy.Categories)
        {
            var scored = new List<ScoredSubcategory>();
            foreach (var field in category.Fields)
            {
                cancellationToken.ThrowIfCancellationRequested();
                scored.Add(_scorer.Score(_table.For(field.Key), gaps[field.Key], text));
            }

            notes.AddRange(scored.SelectMany(s => s.Notes));
            var score = RiskScoreMath.Mean(scored.Select(s => s.Score.Score));
            categories.Add(RiskScoreMath.Category(category.Key, scored.Select(s => s.Score).ToList(),
                CategoryNarrative.Compose(category, score, scored),
                RecommendationBuilder.Build(category, scored, _table.Recommendations)));
        }

        var (overall, level) = RiskScoreMath.Overall(categories);
        return new RiskAnalysisOutcome(EngineName, overall, level, categories)
        {
            RulesVersion = _table.Version,
            Notes = notes,
        };
    }
}
