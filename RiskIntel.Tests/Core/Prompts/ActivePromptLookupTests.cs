using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RiskIntel.Core.Errors;
using RiskIntel.Core.Prompts;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Prompts;

public sealed class ActivePromptLookupTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly PromptService _prompts;
    private readonly ActivePromptLookup _lookup;

    public ActivePromptLookupTests()
    {
        var db = _database.CreateFactory();
        new PromptSeeder(db, _clock, NullLogger<PromptSeeder>.Instance).StartAsync(default).GetAwaiter().GetResult();
        _prompts = new PromptService(db, _clock, NullLogger<PromptService>.Instance);
        _lookup = new ActivePromptLookup(db);
    }

    [Fact]
    public async Task GetActive_AfterAnAdminEditsAndActivatesAPrompt_TheNextJobOfThatSectionRunsIt()
    {
        var before = await _lookup.GetActiveAsync(PromptSection.RiskAnalysis, Vars(), default);
        var draft = new PromptDraft("Stricter scoring", "RISK_ANALYSIS", "You score {{companyName}} strictly.", "Score {{companyName}} now.", ["strict"]);
        var created = await _prompts.CreateAsync(draft, "admin-1", default);
        var edited = await _prompts.UpdateAsync(created.Id, draft with { UserPromptTemplate = "Score {{companyName}} in {{country}}." }, 1, "admin-1", default);
        await _prompts.SetActiveAsync(created.Id, active: true, replace: true, "admin-1", default);

        var next = await _lookup.GetActiveAsync(PromptSection.RiskAnalysis, Vars(), default);

        Assert.NotEqual(created.Id, before.PromptId);
        Assert.Equal(created.Id, next.PromptId);
        Assert.Equal(2, next.Version);
        Assert.Equal(2, edited!.Version);
        Assert.Equal("You score Acme Coop strictly.", next.SystemPrompt);
        Assert.Equal("Score Acme Coop in Kenya.", next.UserPrompt);
    }

    [Fact]
    public async Task GetActive_SeededDefault_RendersWithTheVariablesItUses()
    {
        var rendered = await _lookup.GetActiveAsync(PromptSection.GapDetection, Vars(), default);

        Assert.Contains("FINANCIAL.revenue", rendered.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("TECHNOLOGY_DATA.analytics_capability", rendered.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("Acme Coop", rendered.UserPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", rendered.UserPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetActive_AVariableWithoutValue_IsAValidationError()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(
            () => _lookup.GetActiveAsync(PromptSection.Parser, new Dictionary<string, JsonElement>(), default));

        Assert.StartsWith("unknown variables {{fileName}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetActive_NoActivePromptInTheSection_IsNotFound()
    {
        var active = await _lookup.GetActiveAsync(PromptSection.ReportGeneration, Vars(), default);
        await _prompts.SetActiveAsync(active.PromptId, active: false, replace: false, "admin-1", default);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _lookup.GetActiveAsync(PromptSection.ReportGeneration, Vars(), default));
    }

    public void Dispose() => _database.Dispose();

    private static Dictionary<string, JsonElement> Vars() => new()
    {
        ["companyName"] = JsonSerializer.SerializeToElement("Acme Coop"),
        ["companyType"] = JsonSerializer.SerializeToElement("cooperative"),
        ["country"] = JsonSerializer.SerializeToElement("Kenya"),
        ["documentText"] = JsonSerializer.SerializeToElement("Maize, 400 ha."),
        ["gaps"] = JsonSerializer.SerializeToElement(new[] { "none" }),
        ["analysis"] = JsonSerializer.SerializeToElement(new { overallScore = 40 }),
        ["fileName"] = JsonSerializer.SerializeToElement("plan.pdf"),
    };
}
