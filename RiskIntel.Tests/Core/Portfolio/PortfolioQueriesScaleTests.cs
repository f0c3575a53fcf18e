using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Persistence.Providers;
using RiskIntel.Core.Portfolio;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RiskIntel.Tests.Core.Portfolio;

/// <summary>An analyst's whole book: 500 assessments, most with two analysis versions, read in two queries.</summary>
public sealed class PortfolioQueriesScaleTests(ITestOutputHelper output) : IDisposable
{
    private const string Analyst = "analyst-1";
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Countries = ["Kenya", "Uganda", "Tanzania", "Rwanda", "Ethiopia"];

    private readonly SqliteTestDatabase _database = new();
    private readonly CommandCounter _commands = new();

    [Fact]
    public async Task List_Of500Assessments_TakesTwoQueries_AndEveryRowHasItsLatestScores()
    {
        var db = Factory();
        var expected = await SeedAsync(db, 500);
        var queries = new PortfolioQueries(db);

        _commands.Count = 0;
        var view = await queries.ListAsync(Analyst, PortfolioQuery.Default, default);
        var all = _commands.Count;
        _commands.Count = 0;
        var filtered = await queries.ListAsync(Analyst, new PortfolioQuery(new HashSet<RiskLevel> { RiskLevel.High }, "uganda"), default);
        var filteredCommands = _commands.Count;
        var watch = Stopwatch.StartNew();
        await queries.ListAsync(Analyst, PortfolioQuery.Default, default);
        output.WriteLine($"500 assessments: first {all} commands, again in {watch.ElapsedMilliseconds} ms (informational, not asserted)");

        Assert.Equal(2, all);
        Assert.Equal(2, filteredCommands);
        Assert.Equal(500, view.Items.Count);
        Assert.All(view.Items, row =>
        {
            var (version, scores) = expected[row.Id];
            Assert.Equal(version, row.AnalysisVersion ?? 0);
            Assert.Equal(scores, row.Categories.Select(c => c.Score));
        });
        Assert.Equal(view.Items.Where(r => r.Country == "Uganda" && r.OverallLevel == RiskLevel.High).Select(r => r.Id).Order(),
            filtered.Items.Select(r => r.Id).Order());
        Assert.NotEmpty(filtered.Items);
    }

    public void Dispose() => _database.Dispose();

    private Adapter Factory()
    {
        _database.CreateFactory();
        var services = new ServiceCollection();
        services.AddDbContextFactory<SqliteRiskIntelDbContext>(o => o.UseSqlite(_database.ConnectionString).AddInterceptors(new SqlitePragmaInterceptor(), _commands));
        return new Adapter(services.BuildServiceProvider().GetRequiredService<IDbContextFactory<SqliteRiskIntelDbContext>>());
    }

    /// <summary>Every 10th assessment has no analysis; the rest two versions, the second with scores that vary by row.</summary>
    private static async Task<Dictionary<Guid, (int Version, double?[] Scores)>> SeedAsync(Adapter db, int count)
    {
        var expected = new Dictionary<Guid, (int, double?[])>();
        var first = PortfolioSeed.Categories([50, 50, 50, 50, 50, 50, 50]);
        await using var context = db.CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            var assessment = Assessment.Create(new AssessmentDetails($"Assessment {i:000}", $"Partner {i:000} Co-operative", "Cooperative", Countries[i % 5]), Analyst, Now);
            context.Assessments.Add(assessment);
            if (i % 10 == 0)
            {
                expected[assessment.Id] = (0, new double?[7]);
                continue;
            }

            double?[] scores = [.. Enumerable.Range(0, 7).Select(c => (double?)((i * 7 + c * 13) % 100))];
            foreach (var version in new[] { 1, 2 })
            {
                var categories = version == 1 ? first : PortfolioSeed.Categories([.. scores.Select(s => s!.Value)]);
                var overall = RiskLevels.Round(categories.Average(c => c.Score));
                var record = new AnalysisRecord(Guid.CreateVersion7(), version, "offline-rules", overall, RiskLevels.For(overall), categories, null, null, null, null, []);
                context.RiskAnalyses.Add(RiskAnalysis.Record(assessment.Id, record, Guid.NewGuid(), Analyst, Now.AddMinutes(version)));
            }

            expected[assessment.Id] = (2, scores);
        }

        await context.SaveChangesAsync();
        return expected;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class Adapter(IDbContextFactory<SqliteRiskIntelDbContext> inner) : IDbContextFactory<RiskIntelDbContext>
    {
        public RiskIntelDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
