using System.Globalization;
using System.Text.Json;
using RiskIntel.Core.Gaps.Detection;
using Xunit.Abstractions;

namespace RiskIntel.Tests.Core.Gaps.Detection;

/// <summary>
/// The Kenyan dairy co-operative sample against the analyst's expected status of all 35 fields, written before
/// the engine was run on it. Agreement here means the exact status (MISSING, PARTIAL or VERIFIED).
/// </summary>
public sealed class SamplePlanTests(ITestOutputHelper output)
{
    private static readonly string PlanPath = Path.Combine(PlanFiles.SamplesFolder, "kenya-dairy-cooperative-business-plan.md");

    [Fact]
    public async Task OfflineEngine_OnTheKenyaDairySample_AgreesWithTheAnalystOnAtLeast80PercentOfTheFields()
    {
        var expected = Expected();
        var outcome = await new OfflineGapDetectionEngine().DetectAsync(Request(), default);

        var agreed = 0;
        foreach (var gap in outcome.Gaps)
        {
            var want = expected[gap.Field];
            var got = gap.Status.ToString().ToUpperInvariant();
            agreed += want == got ? 1 : 0;
            output.WriteLine($"{(want == got ? "  " : "X ")}{gap.Field}: expected {want}, engine {got} | {string.Join(", ", gap.MatchedTerms)}");
        }

        var rate = (double)agreed / expected.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sample agreement {agreed}/{expected.Count} ({rate:P1})"));
        Assert.Equal(35, expected.Count);
        Assert.True(rate >= 0.80, $"agreement {rate:P1} is below 80 %");
    }

    [Fact]
    public async Task OfflineEngine_OnTheSample_QuotesOnlyVerbatimTextWithItsPage()
    {
        var document = PlanFiles.Load(PlanPath);
        var outcome = await new OfflineGapDetectionEngine().DetectAsync(Request(), default);

        var evidence = outcome.Gaps.SelectMany(g => g.Evidence).ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e => Assert.Contains(
            RiskIntel.Core.Documents.QuoteVerifier.Normalise(e.Quote),
            RiskIntel.Core.Documents.QuoteVerifier.Normalise(document.Pages.Single(p => p.Page == e.Page).Text),
            StringComparison.Ordinal));
        Assert.All(outcome.Gaps.Where(g => g.Status != GapStatus.Missing), g => Assert.False(string.IsNullOrWhiteSpace(g.ExtractedValue)));
        Assert.All(outcome.Gaps, g => Assert.Empty(g.DroppedQuotes));
    }

    internal static GapDetectionRequest Request() =>
        new("Ndaragwa Highlands Dairy Farmers' Co-operative Society Ltd", "cooperative", "Kenya", [PlanFiles.Load(PlanPath)]);

    private static Dictionary<string, string> Expected()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(PlanPath, ".expected.json")));
        return json.RootElement.GetProperty("fields").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("status").GetString()!, StringComparer.Ordinal);
    }
}
