using RiskIntel.Core.Analysis;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Reports;
using RiskIntel.Core.Reports.Narrative;
using RiskIntel.Tests.Core.Reports.Samples;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Reports;

public sealed class ReportQueriesTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task GetModel_OwnReport_HasItsAnalysisVersionTheAnalystsEditsAndTheComposedNarrative()
    {
        var db = _database.CreateFactory();
        var (assessment, report, analysis) = await SeedAsync(db, "owner");
        await new AnalysisService(db, TimeProvider.System).EditRecommendationAsync(
            assessment.Id, "owner", "rec-2", "Clear the lease arrears before the first drawdown.", RecommendationPriority.Medium, 1, default);

        var found = await new ReportQueries(db, new NoFiles()).GetModelAsync(report, "owner", default);

        var (dto, model) = Assert.NotNull(found);
        Assert.Equal(3, dto.Version);
        Assert.Equal(3, model.ReportVersion);
        Assert.Equal(1, model.AnalysisVersion);
        Assert.Equal(analysis.OverallScore, model.Analysis.OverallScore);
        Assert.Equal(new DateTimeOffset(Now), model.GeneratedAt);
        Assert.Equal(assessment.CompanyName, model.Title.CompanyName);
        var edited = model.Recommendations.Single(r => r.Id == "rec-2");
        Assert.True(edited.Edited);
        Assert.Equal("Clear the lease arrears before the first drawdown.", edited.Text);
        Assert.Equal(OfflineReportNarrator.EngineName, model.Provenance.Narrative.Engine);
        var narrative = await new OfflineReportNarrator().ComposeAsync(
            new ReportNarrativeRequest(assessment.CompanyName, assessment.CompanyType, assessment.Country, analysis), default);
        Assert.Equal(narrative.ExecutiveSummary, model.ExecutiveSummary);
    }

    [Fact]
    public async Task GetModel_SomeoneElsesReport_IsNull()
    {
        var db = _database.CreateFactory();
        var (_, report, _) = await SeedAsync(db, "owner");

        Assert.Null(await new ReportQueries(db, new NoFiles()).GetModelAsync(report, "someone-else", default));
    }

    public void Dispose() => _database.Dispose();

    private static async Task<(Assessment Assessment, Guid Report, RiskAnalysisResult Analysis)> SeedAsync(
        Microsoft.EntityFrameworkCore.IDbContextFactory<RiskIntel.Core.Persistence.RiskIntelDbContext> factory, string userId)
    {
        var analysis = SampleReports.Analysis(SampleSubcategories.All) with { Version = 1 };
        var assessment = Assessment.Create(new AssessmentDetails("Nyeri 2027", SampleReports.CompanyName, "Cooperative", "Kenya"), userId, Now);
        var reportId = Guid.NewGuid();
        await using var db = factory.CreateDbContext();
        db.Assessments.Add(assessment);
        db.RiskAnalyses.Add(RiskAnalysis.Record(assessment.Id, new AnalysisRecord(analysis.AnalysisId, 1, analysis.Engine, analysis.OverallScore,
            analysis.OverallLevel, analysis.Scores, "model-x", null, null, null, []), Guid.NewGuid(), userId, Now));
        db.Reports.Add(Report.Record(assessment.Id, new ReportGenerationResult(reportId, ReportGenerationResult.UrlOf(reportId), 3, 12, 90_000,
            analysis.AnalysisId, 1, new string('b', 64)), userId, Now));
        await db.SaveChangesAsync();
        return (assessment, reportId, analysis);
    }

    private sealed class NoFiles : RiskIntel.Core.Files.IFileStore
    {
        public Task<RiskIntel.Core.Files.StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<RiskIntel.Core.Files.StoredFile> SaveAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
