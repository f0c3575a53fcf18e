using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Persistence;
using RiskIntel.Core.Portfolio;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Portfolio;

public sealed class PortfolioQueriesTests : IDisposable
{
    private const string Analyst = "analyst-1";
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private readonly SqliteTestDatabase _database = new();
    private readonly IDbContextFactory<RiskIntelDbContext> _db;
    private readonly PortfolioQueries _queries;

    public PortfolioQueriesTests()
    {
        _db = _database.CreateFactory();
        _queries = new PortfolioQueries(_db);
    }

    [Fact]
    public async Task List_ShowsTheLatestAnalysisOfEach_CategoriesInTaxonomyOrder_AndUnanalysedWithoutScores()
    {
        var scored = await AssessmentAsync("Tumaini dairy 2026", "Tumaini Dairy Farmers' Co-operative", "Kenya");
        await PortfolioSeed.AnalysisAsync(_db, scored, Now, 10, 20, 30, 40, 50, 60, 70);
        var latest = await PortfolioSeed.AnalysisAsync(_db, scored, Now.AddHours(1), 80, 70, 60, 50, 40, 30, 20);
        var draft = await AssessmentAsync("Mwangaza avocado", "Mwangaza Avocado Growers", null);

        var view = await _queries.ListAsync(Analyst, PortfolioQuery.Default, default);

        var row = view.Items.Single(r => r.Id == scored);
        Assert.Equal(("Tumaini dairy 2026", "Tumaini Dairy Farmers' Co-operative", "Kenya", AssessmentStatus.Complete),
            (row.Name, row.CompanyName, row.Country, row.Status));
        Assert.Equal((2, latest.OverallScore, RiskLevel.High, Now.AddHours(1)), (row.AnalysisVersion, row.OverallScore!.Value, row.OverallLevel!.Value, row.AnalyzedAt!.Value));
        Assert.Equal(RiskTaxonomy.Categories.Select(c => c.Key), row.Categories.Select(c => c.Category));
        Assert.Equal([80, 70, 60, 50, 40, 30, 20], row.Categories.Select(c => c.Score!.Value));
        Assert.Equal([RiskLevel.Critical, RiskLevel.High, RiskLevel.High, RiskLevel.High, RiskLevel.Moderate, RiskLevel.Moderate, RiskLevel.Low],
            row.Categories.Select(c => c.Level!.Value));
        var unanalysed = view.Items.Single(r => r.Id == draft);
        Assert.Equal((AssessmentStatus.Draft, false), (unanalysed.Status, unanalysed.IsAnalyzed));
        Assert.Null(unanalysed.OverallScore);
        Assert.Equal(7, unanalysed.Categories.Count);
        Assert.All(unanalysed.Categories, c => Assert.Null(c.Score));
    }

    [Fact]
    public async Task List_HoldsOnlyTheUsersOwn_AndAnotherUsersRowIsNotFound()
    {
        var mine = await AssessmentAsync("Mine", "Ndaragwa Highlands Dairy", "Kenya");
        var theirs = await AssessmentAsync("Theirs", "Someone else's partner", "Rwanda", userId: "analyst-2");
        await PortfolioSeed.AnalysisAsync(_db, theirs, Now, 90, 90, 90, 90, 90, 90, 90);

        var view = await _queries.ListAsync(Analyst, PortfolioQuery.Default, default);

        Assert.Equal([mine], view.Items.Select(r => r.Id));
        Assert.Equal(["Kenya"], view.Countries);
        Assert.Null(await _queries.GetAsync(theirs, Analyst, default));
        Assert.Equal(mine, (await _queries.GetAsync(mine, Analyst, default))!.Id);
    }

    [Fact]
    public async Task List_ByLevel_KeepsThoseOverallLevelsOfTheLatestAnalysis_AndLeavesOutTheUnanalysed()
    {
        var high = await ScoredAsync("High", "Kenya", 60);
        var critical = await ScoredAsync("Critical", "Kenya", 85);
        var wasHigh = await ScoredAsync("Was high", "Kenya", 60);
        await PortfolioSeed.AnalysisAsync(_db, wasHigh, Now.AddHours(1), 10, 10, 10, 10, 10, 10, 10);
        await ScoredAsync("Low", "Kenya", 10);
        await AssessmentAsync("Draft", "Draft partner", "Kenya");

        var view = await _queries.ListAsync(Analyst, new PortfolioQuery(new HashSet<RiskLevel> { RiskLevel.High, RiskLevel.Critical }), default);

        Assert.Equal([critical, high], view.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task List_ByCountry_IgnoresCaseAndSpaces_AndOffersEachCountryOnce()
    {
        var kenya = await AssessmentAsync("Nyeri", "Nyeri Highlands Dairy", "Kenya");
        var lower = await AssessmentAsync("Meru", "Meru Coffee Growers", "kenya");
        await AssessmentAsync("Gulu", "Gulu Sesame Farmers", "Uganda");
        await AssessmentAsync("Côte", "Coopérative de Daloa", "Côte d'Ivoire");

        var view = await _queries.ListAsync(Analyst, new PortfolioQuery(Country: " KENYA "), default);
        var none = await _queries.ListAsync(Analyst, new PortfolioQuery(Country: "Tanzania"), default);

        Assert.Equal(new[] { kenya, lower }.Order(), view.Items.Select(r => r.Id).Order());
        Assert.Equal(["Côte d'Ivoire", "Kenya", "Uganda"], view.Countries);
        Assert.Empty(none.Items);
        Assert.Equal(view.Countries, none.Countries);
    }

    [Fact]
    public async Task List_ByACategory_SortsBothWays_WithTheUnanalysedLastEitherWay()
    {
        var a = await ScoredAsync("A", "Kenya", 40, financial: 70);
        var b = await ScoredAsync("B", "Kenya", 40, financial: 20);
        var c = await ScoredAsync("C", "Kenya", 40, financial: 45);
        var none = await AssessmentAsync("D", "Not yet scored", "Kenya");
        Assert.True(PortfolioSort.TryParse("financial", out var financial));

        var up = await _queries.ListAsync(Analyst, new PortfolioQuery(Sort: financial), default);
        var down = await _queries.ListAsync(Analyst, new PortfolioQuery(Sort: financial, Descending: true), default);

        Assert.Equal([b, c, a, none], up.Items.Select(r => r.Id));
        Assert.Equal([a, c, b, none], down.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task List_WithoutASort_IsRiskiestFirst_AndByNameOnEqualScores()
    {
        var low = await ScoredAsync("Low", "Kenya", 12);
        var criticalB = await ScoredAsync("Beta", "Kenya", 80);
        var criticalA = await ScoredAsync("alpha", "Kenya", 80);
        var draft = await AssessmentAsync("Draft", "Draft partner", null);

        var view = await _queries.ListAsync(Analyst, PortfolioQuery.Default, default);
        var byName = await _queries.ListAsync(Analyst, new PortfolioQuery(Sort: PortfolioSort.Name), default);

        Assert.Equal([criticalA, criticalB, low, draft], view.Items.Select(r => r.Id));
        Assert.Equal([criticalA, criticalB, draft, low], byName.Items.Select(r => r.Id));
    }

    public void Dispose() => _database.Dispose();

    private Task<Guid> AssessmentAsync(string name, string company, string? country, string userId = Analyst) =>
        PortfolioSeed.AssessmentAsync(_db, userId, name, company, country, Now);

    private async Task<Guid> ScoredAsync(string name, string country, double score, double? financial = null)
    {
        var id = await AssessmentAsync(name, $"{name} Farmers' Co-operative", country);
        await PortfolioSeed.AnalysisAsync(_db, id, Now, financial ?? score, score, score, score, score, score, score);
        return id;
    }
}
