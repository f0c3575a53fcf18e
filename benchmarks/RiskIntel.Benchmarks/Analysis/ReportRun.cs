using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Analysis.Scoring;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Persistence.Providers;
using RiskIntel.Core.Reports;
using RiskIntel.Core.Reports.Narrative;
using RiskIntel.Core.Reports.Pdf;

namespace RiskIntel.Benchmarks.Analysis;

/// <summary>
/// What REPORT_GENERATION does for one analysis, without the job around it: the offline narrative, the report model
/// from a migrated SQLite database (edits, documents, prompts: none here) and the PDF.
/// </summary>
internal sealed class ReportRun : IAsyncDisposable
{
    public const string Company = "Ndaragwa Highlands Dairy Farmers' Co-operative Society Ltd";

    private readonly string _database;
    private readonly DbContextOptions<SqliteRiskIntelDbContext> _options;
    private readonly Assessment _assessment = Assessment.Create(
        new AssessmentDetails("Ndaragwa dairy term loan 2026", Company, "Cooperative", "Kenya"), "benchmark", DateTime.UtcNow);

    private ReportRun(string database)
    {
        _database = database;
        _options = new DbContextOptionsBuilder<SqliteRiskIntelDbContext>().UseSqlite($"Data Source={database}").Options;
    }

    public static async Task<ReportRun> CreateAsync(string folder)
    {
        var run = new ReportRun(Path.Combine(folder, "report-bench.db"));
        await using var db = new SqliteRiskIntelDbContext(run._options);
        await db.Database.MigrateAsync();
        return run;
    }

    public async Task<RenderedReport> GenerateAsync(RiskAnalysisOutcome outcome, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var record = new AnalysisRecord(id, 1, outcome.Engine, outcome.OverallScore, outcome.OverallLevel, outcome.Scores,
            outcome.Model, outcome.PromptId, outcome.PromptVersion, outcome.RulesVersion, outcome.Notes);
        var analysis = RiskAnalysis.Record(_assessment.Id, record, id, "benchmark", DateTime.UtcNow);
        var narrative = await new OfflineReportNarrator().ComposeAsync(
            new ReportNarrativeRequest(_assessment.CompanyName, _assessment.CompanyType, _assessment.Country, analysis.Result), cancellationToken);
        await using var db = new SqliteRiskIntelDbContext(_options);
        var model = await ReportModelBuilder.BuildAsync(db, _assessment, analysis, narrative, 1, DateTimeOffset.UtcNow, cancellationToken);
        return ReportPdfRenderer.Render(model, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
