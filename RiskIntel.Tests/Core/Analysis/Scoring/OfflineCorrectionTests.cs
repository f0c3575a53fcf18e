using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Documents;
using static RiskIntel.Tests.Core.Analysis.Scoring.AnalysisAssertions;

namespace RiskIntel.Tests.Core.Analysis.Scoring;

/// <summary>The analyst's correction is evidence: scanned by the field's rules, shown as evidence, and it moves only its own field.</summary>
public sealed class OfflineCorrectionTests
{
    private const string Weather = "CLIMATE_ENVIRONMENTAL.weather_exposure";
    private const string Insurance = "We hold crop insurance with APA since 2023.";
    private readonly OfflineRiskAnalysisEngine _engine = new();

    [Fact]
    public async Task Correction_CropInsurance_LowersWeatherExposureAndOverrulesTheDocument()
    {
        var before = await _engine.AnalyzeAsync(PlanFixtures.TumainiRequest(), default);
        var after = await _engine.AnalyzeAsync(PlanFixtures.TumainiRequest(Corrected(Weather, ReviewedGapStatus.Verified, Insurance)), default);

        var field = Field(after, Weather);
        Assert.Equal(72, Field(before, Weather).Score);
        Assert.Equal(52, field.Score);
        Assert.Equal(Insurance, field.Correction);
        Assert.Equal(new Evidence(Insurance, null, null), field.Evidence[0]);
        var insured = Assert.Single(field.Drivers, d => d.Rule == "crop-insurance");
        Assert.Equal(-10, insured.Effect);
        Assert.Equal(Insurance, insured.Evidence!.Quote);
        var overruled = Assert.Single(field.Drivers, d => d.Rule == "no-insurance");
        Assert.Equal(0, overruled.Effect);
        Assert.StartsWith("None of our members have livestock insurance", overruled.Evidence!.Quote, StringComparison.Ordinal);
        Assert.Equal(44.2, Category(after, "CLIMATE_ENVIRONMENTAL").Score);
        Assert.Equal(42.9, after.OverallScore);
        Assert.Contains("The analyst's corrections on weather exposure were scored as evidence.", Category(after, "CLIMATE_ENVIRONMENTAL").Narrative, StringComparison.Ordinal);
        QuotesAreInTheTextOrTheCorrection(after, PlanFixtures.TumainiRequest().Documents);
    }

    [Fact]
    public async Task Correction_ChangesOnlyItsFieldItsCategoryAndTheOverallScore()
    {
        var before = await _engine.AnalyzeAsync(PlanFixtures.TumainiRequest(), default);
        var after = await _engine.AnalyzeAsync(PlanFixtures.TumainiRequest(Corrected(Weather, ReviewedGapStatus.Verified, Insurance)), default);

        var fieldsBefore = before.Scores.SelectMany(c => c.Subcategories).Where(s => s.Field != Weather).ToList();
        var fieldsAfter = after.Scores.SelectMany(c => c.Subcategories).Where(s => s.Field != Weather).ToList();
        Assert.Equal(34, fieldsAfter.Count);
        for (var i = 0; i < fieldsBefore.Count; i++)
        {
            Assert.Equal(fieldsBefore[i].Score, fieldsAfter[i].Score);
            Assert.Equal(fieldsBefore[i].Drivers, fieldsAfter[i].Drivers);
            Assert.Equal(fieldsBefore[i].Evidence, fieldsAfter[i].Evidence);
        }

        var changed = before.Scores.Zip(after.Scores).Where(p => p.First.Score != p.Second.Score).Select(p => p.First.Category);
        Assert.Equal(["CLIMATE_ENVIRONMENTAL"], changed);
        Assert.NotEqual(before.OverallScore, after.OverallScore);
    }

    [Fact]
    public async Task Correction_OnAMissingField_WaivesThePenaltyAndIsScanned()
    {
        const string trademark = "The Tumaini Fresh brand is a registered trademark with KIPI since 2020.";
        var after = await _engine.AnalyzeAsync(
            PlanFixtures.TumainiRequest(Corrected("GOVERNANCE_LEGAL.intellectual_property", ReviewedGapStatus.Missing, trademark)), default);

        var field = Field(after, "GOVERNANCE_LEGAL.intellectual_property");
        Assert.Equal(27, field.Score);
        Assert.DoesNotContain(field.Drivers, d => d.Rule == SubcategoryScorer.MissingRule);
        Assert.Contains(field.Drivers, d => d.Rule == "registered-trademark" && d.Evidence!.Quote == trademark);
        Assert.DoesNotContain(Category(after, "GOVERNANCE_LEGAL").Recommendations, r => r.Id == "GOVERNANCE_LEGAL.missing-intellectual_property");
        Assert.Equal(33.4, Category(after, "GOVERNANCE_LEGAL").Score);
    }

    [Fact]
    public async Task Correction_ThatContradictsAMitigant_RaisesTheScore()
    {
        const string lapsed = "Data has not been backed up since the external drive failed in 2024.";
        var before = await _engine.AnalyzeAsync(PlanFixtures.TumainiRequest(), default);
        var after = await _engine.AnalyzeAsync(
            PlanFixtures.TumainiRequest(Corrected("TECHNOLOGY_DATA.cybersecurity", ReviewedGapStatus.Partial, lapsed)), default);

        var field = Field(after, "TECHNOLOGY_DATA.cybersecurity");
        Assert.Equal(55, Field(before, "TECHNOLOGY_DATA.cybersecurity").Score);
        Assert.Equal(70, field.Score); // 50 baseline + 12 no backups + 8 shared password; the partial-information 7 is waived
        Assert.Contains(field.Drivers, d => d.Rule == "no-backups" && d.Effect == 12 && d.Evidence!.Quote == lapsed);
        Assert.Contains(field.Drivers, d => d.Rule == "backups" && d.Effect == 0);
        Assert.Contains(Category(after, "TECHNOLOGY_DATA").Recommendations, r => r.Id == "TECHNOLOGY_DATA.no-backups");
    }

    private static ReviewedGap Corrected(string field, ReviewedGapStatus status, string correction)
    {
        var original = PlanFixtures.TumainiRequest().Gaps.Single(g => g.Field == field);
        return original with { Status = status, Correction = correction };
    }
}
