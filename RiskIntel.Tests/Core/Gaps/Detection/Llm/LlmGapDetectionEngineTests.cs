using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RiskIntel.Core.Ai.Structured;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Prompts;
using RiskIntel.Tests.Fakes;
using RiskIntel.Tests.Infrastructure;

namespace RiskIntel.Tests.Core.Gaps.Detection.Llm;

/// <summary>The LLM engine on the seeded default GAP_DETECTION prompt in a real SQLite database, with a scripted model.</summary>
public sealed class LlmGapDetectionEngineTests : IDisposable
{
    private const string IntakeQuote = "In 2024 the Society received 7.9 million litres of milk from members";
    private const string LoanQuote = "In 2018 the Society took a loan of KES 14 million from Co-operative Bank of Kenya";
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ActivePromptLookup _prompts;
    private readonly PromptService _library;

    public LlmGapDetectionEngineTests()
    {
        var db = _database.CreateFactory();
        new PromptSeeder(db, _clock, NullLogger<PromptSeeder>.Instance).StartAsync(default).GetAwaiter().GetResult();
        _prompts = new ActivePromptLookup(db);
        _library = new PromptService(db, _clock, NullLogger<PromptService>.Instance);
    }

    [Fact]
    public async Task Detect_AValidAnswer_GivesVerifiedGapsWithPagesAndThePromptVersion()
    {
        var chat = new ScriptedChatClient(GapAnswers.With(
            ("OPERATIONAL.supply_chain", "VERIFIED", IntakeQuote, [(IntakeQuote, 1)]),
            ("FINANCIAL.credit", "VERIFIED", LoanQuote, [(LoanQuote, 6)]),
            ("TECHNOLOGY_DATA.cybersecurity", "MISSING", null, [])));

        var outcome = await Engine(chat).DetectAsync(SamplePlanTests.Request(), default);

        var active = await _prompts.GetActiveAsync(PromptSection.GapDetection, Vars(), default);
        Assert.Equal("llm", outcome.Engine);
        Assert.Equal("scripted-model", outcome.Model);
        Assert.Equal(active.PromptId, outcome.PromptId);
        Assert.Equal(1, outcome.PromptVersion);
        Assert.Equal(35, outcome.Gaps.Count);
        var credit = outcome.Gaps.Single(g => g.Field == "FINANCIAL.credit");
        Assert.Equal(GapStatus.Verified, credit.Status);
        Assert.Equal(LoanQuote, credit.ExtractedValue);
        Assert.True(credit.Evidence.Single().Page > 1);
        Assert.True(credit.IsMandatory);
        Assert.Empty(credit.DroppedQuotes);
        Assert.Single(chat.Requests);
        var sent = string.Join("\n", chat.Requests[0].Select(m => m.Text));
        Assert.Contains("Ndaragwa Highlands Dairy Farmers' Co-operative Society Ltd (cooperative, Kenya)", sent, StringComparison.Ordinal);
        Assert.Contains("[page 1]\n# Ndaragwa Highlands", sent, StringComparison.Ordinal);
        Assert.Contains("[page 7]", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_TheModelMarksAnOptionalFieldMandatory_TheTableDecides()
    {
        var chat = new ScriptedChatClient(GapAnswers.Only(("GOVERNANCE_LEGAL.intellectual_property", "MISSING", null, [])).Replace("\"MISSING\"", "\"MISSING\",\"isMandatory\":true", StringComparison.Ordinal));

        var outcome = await Engine(chat).DetectAsync(SamplePlanTests.Request(), default);

        Assert.False(outcome.Gaps.Single(g => g.Field == "GOVERNANCE_LEGAL.intellectual_property").IsMandatory);
        Assert.True(outcome.Gaps.Single(g => g.Field == "FINANCIAL.revenue").IsMandatory);
    }

    [Fact]
    public async Task Detect_AnUnknownFieldThenAValidAnswer_IsRepairedOnce()
    {
        var chat = new ScriptedChatClient(
            GapAnswers.Only(("FINANCIAL.turnover", "VERIFIED", null, []), ("MARKET.demand", "GOOD", null, [])),
            GapAnswers.With(("OPERATIONAL.supply_chain", "VERIFIED", IntakeQuote, [(IntakeQuote, 1)])));

        var outcome = await Engine(chat).DetectAsync(SamplePlanTests.Request(), default);

        Assert.Equal(2, chat.Requests.Count);
        var repair = chat.Requests[1][^1].Text;
        Assert.Contains("gaps[0].field \"FINANCIAL.turnover\" is not one of the 35 field keys", repair, StringComparison.Ordinal);
        Assert.Contains("gaps[1].status must be \"MISSING\", \"PARTIAL\" or \"VERIFIED\"", repair, StringComparison.Ordinal);
        Assert.Equal(GapStatus.Verified, outcome.Gaps.Single(g => g.Field == "OPERATIONAL.supply_chain").Status);
    }

    [Fact]
    public async Task Detect_InvalidTwice_FailsWithAModelOutputError()
    {
        var chat = new ScriptedChatClient("I could not read the plan.", "{ \"gaps\": \"none\" }");

        var error = await Assert.ThrowsAsync<ModelOutputException>(() => Engine(chat).DetectAsync(SamplePlanTests.Request(), default));

        Assert.False(error.IsRetryable);
        Assert.Contains("\"gaps\" array", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, chat.Requests.Count);
    }

    [Fact]
    public async Task Detect_FieldsTheModelLeftOut_AreMissingWithANote()
    {
        var chat = new ScriptedChatClient(GapAnswers.Only(("OPERATIONAL.supply_chain", "PARTIAL", null, [(IntakeQuote, 1)])));

        var outcome = await Engine(chat).DetectAsync(SamplePlanTests.Request(), default);

        Assert.Equal(GapStatus.Partial, outcome.Gaps.Single(g => g.Field == "OPERATIONAL.supply_chain").Status);
        var revenue = outcome.Gaps.Single(g => g.Field == "FINANCIAL.revenue");
        Assert.Equal(GapStatus.Missing, revenue.Status);
        Assert.Equal("the model's answer did not list this field; treated as MISSING", revenue.Notes.Single());
    }

    [Fact]
    public async Task Detect_AnInventedQuote_IsDroppedAndTheFieldLowered()
    {
        const string invented = "The Society earned KES 900 million from yoghurt exports to Uganda in 2024.";
        var chat = new ScriptedChatClient(GapAnswers.With(
            ("FINANCIAL.revenue", "VERIFIED", "KES 900 million", [(invented, 6)]),
            ("OPERATIONAL.supply_chain", "VERIFIED", IntakeQuote, [(IntakeQuote, 1), ("Members deliver 40,000 litres a day to 30 centres.", 2)])));

        var outcome = await Engine(chat).DetectAsync(SamplePlanTests.Request(), default);

        var revenue = outcome.Gaps.Single(g => g.Field == "FINANCIAL.revenue");
        Assert.Equal(GapStatus.Missing, revenue.Status);
        Assert.Equal([invented, "KES 900 million"], revenue.DroppedQuotes);
        Assert.Contains(revenue.Notes, n => n.Contains("lowered from VERIFIED to MISSING", StringComparison.Ordinal));
        Assert.Empty(revenue.Evidence);
        var supply = outcome.Gaps.Single(g => g.Field == "OPERATIONAL.supply_chain");
        Assert.Equal(GapStatus.Partial, supply.Status);
        Assert.Equal(IntakeQuote, supply.Evidence.Single().Quote);
        Assert.Equal(["Members deliver 40,000 litres a day to 30 centres."], supply.DroppedQuotes);
    }

    [Fact]
    public async Task Detect_ADocumentLongerThanTheBudget_IsSentInPartsAndMergedPerField()
    {
        var chat = new ScriptedChatClient(
            GapAnswers.With(("OPERATIONAL.supply_chain", "PARTIAL", null, [(IntakeQuote, 1)]), ("FINANCIAL.credit", "MISSING", null, [])),
            GapAnswers.With(("OPERATIONAL.supply_chain", "VERIFIED", "Every route is planned so that milk reaches the chilling plant within three hours of milking",
                [("Every route is planned so that milk reaches the chilling plant within three hours of milking", 3)]), ("FINANCIAL.credit", "VERIFIED", LoanQuote, [(LoanQuote, 6)])));

        var outcome = await Engine(chat, maxInputTokens: 3_600).DetectAsync(SamplePlanTests.Request(), default);

        Assert.Equal(2, chat.Requests.Count);
        var first = chat.Requests[0][^1].Text;
        var second = chat.Requests[1][^1].Text;
        Assert.Contains("[part 1 of 2 of the documents", first, StringComparison.Ordinal);
        Assert.Contains("[part 2 of 2 of the documents", second, StringComparison.Ordinal);
        Assert.Contains("[page 1]", first, StringComparison.Ordinal);
        Assert.DoesNotContain("[page 1]", second, StringComparison.Ordinal);
        var supply = outcome.Gaps.Single(g => g.Field == "OPERATIONAL.supply_chain");
        Assert.Equal(GapStatus.Verified, supply.Status);
        Assert.StartsWith("Every route is planned", supply.ExtractedValue, StringComparison.Ordinal);
        Assert.Equal(2, supply.Evidence.Count);
        Assert.Equal("merged from the answers for 2 of 2 document parts", supply.Notes.Single());
        Assert.Equal(GapStatus.Verified, outcome.Gaps.Single(g => g.Field == "FINANCIAL.credit").Status);
    }

    [Fact]
    public async Task Detect_AnAdminPromptWithoutTheDocumentVariable_StillSendsTheDocument()
    {
        var draft = new PromptDraft("Terse gaps", "GAP_DETECTION", "List gaps as JSON for {{companyName}}.", "Go.", ["terse"]);
        var created = await _library.CreateAsync(draft, "admin-1", default);
        await _library.SetActiveAsync(created.Id, active: true, replace: true, "admin-1", default);
        var chat = new ScriptedChatClient(GapAnswers.With());

        var outcome = await Engine(chat).DetectAsync(SamplePlanTests.Request(), default);

        Assert.Equal(created.Id, outcome.PromptId);
        Assert.Contains("Document text:\n\"\"\"\n[page 1]", chat.Requests[0][^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_ABudgetTooSmallForThePrompt_IsAValidationError()
    {
        var chat = new ScriptedChatClient(GapAnswers.With());

        var error = await Assert.ThrowsAsync<RiskIntel.Core.Errors.InputValidationException>(
            () => Engine(chat, maxInputTokens: 2_000).DetectAsync(SamplePlanTests.Request(), default));

        Assert.Contains("MaxInputTokensPerCall", error.Message, StringComparison.Ordinal);
        Assert.Empty(chat.Requests);
    }

    public void Dispose() => _database.Dispose();

    private LlmGapDetectionEngine Engine(ScriptedChatClient chat, int maxInputTokens = 24_000) =>
        new(chat, _prompts, Options.Create(new GapDetectionOptions { MaxInputTokensPerCall = maxInputTokens }), NullLogger<LlmGapDetectionEngine>.Instance);

    private static Dictionary<string, System.Text.Json.JsonElement> Vars() => new()
    {
        ["companyName"] = System.Text.Json.JsonSerializer.SerializeToElement("x"),
        ["companyType"] = System.Text.Json.JsonSerializer.SerializeToElement("x"),
        ["country"] = System.Text.Json.JsonSerializer.SerializeToElement("x"),
        ["documentText"] = System.Text.Json.JsonSerializer.SerializeToElement("x"),
    };
}
