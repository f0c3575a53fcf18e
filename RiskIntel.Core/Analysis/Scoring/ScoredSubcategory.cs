namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>A field as the offline engine scored it: the public score plus what the category narrative and recommendations need.</summary>
internal sealed record ScoredSubcategory(
    SubcategoryRules Rules,
    ReviewedGap Gap,
    SubcategoryScore Score,
    IReadOnlyList<FiredRule> Fired,
    double Penalty,
    IReadOnlyList<string> Notes)
{
    public IEnumerable<FiredRule> Risks => Fired.Where(f => f.Rule.RaisesRisk).OrderByDescending(f => f.Rule.Effect);

    public IEnumerable<FiredRule> Mitigants => Fired.Where(f => !f.Rule.RaisesRisk).OrderBy(f => f.Rule.Effect);

    public bool CorrectionUsed => Gap.CorrectionText is not null;
}
