using System.Globalization;
using System.Text.Json;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Tests.Samples;
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

    /// <summary>The committed PDF and DOCX (samples/, generated from the Markdown) through the product's parser give the Markdown's statuses.</summary>
    [Theory]
    [InlineData(DocumentKind.Pdf)]
    [InlineData(DocumentKind.Docx)]
    public async Task OfflineEngine_OnTheSamplesPdfAndDocx_GivesTheMarkdownsStatusForEveryField(DocumentKind format)
    {
        var parsed = await SamplePlan.ParseAsync(format);
        var document = SamplePlan.ToDocumentText(parsed, Path.GetFileName(format == DocumentKind.Pdf ? SamplePlan.PdfPath : SamplePlan.DocxPath));
        var engine = new OfflineGapDetectionEngine();

        var fromMarkdown = (await engine.DetectAsync(Request(), default)).Gaps.ToDictionary(g => g.Field, g => g.Status, StringComparer.Ordinal);
        var fromFile = (await engine.DetectAsync(Request(document), default)).Gaps;

        var expected = Expected();
        var agreed = fromFile.Count(g => string.Equals(expected[g.Field], g.Status.ToString(), StringComparison.OrdinalIgnoreCase));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{format}: {parsed.Metadata.Pages} pages, analyst agreement {agreed}/{expected.Count}"));
        Assert.Equal(35, fromFile.Count);
        Assert.All(fromFile, g => Assert.True(fromMarkdown[g.Field] == g.Status, $"{g.Field}: {g.Status} from the {format}, {fromMarkdown[g.Field]} from the Markdown"));
        Assert.True((double)agreed / expected.Count >= 0.80, $"agreement {agreed}/{expected.Count} is below 80 %");
        Assert.All(fromFile.SelectMany(g => g.Evidence), e => Assert.Contains(
            QuoteVerifier.Normalise(e.Quote), QuoteVerifier.Normalise(document.Pages.Single(p => p.Page == e.Page).Text), StringComparison.Ordinal));
    }

    internal static GapDetectionRequest Request(DocumentText? document = null) =>
        new("Ndaragwa Highlands Dairy Farmers' Co-operative Society Ltd", "cooperative", "Kenya", [document ?? PlanFiles.Load(PlanPath)]);

    private static Dictionary<string, string> Expected()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(PlanPath, ".expected.json")));
        return json.RootElement.GetProperty("fields").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("status").GetString()!, StringComparer.Ordinal);
    }
}
