using RiskIntel.App.Components.Gaps;
using RiskIntel.Core.Documents;
using RiskIntel.Tests.Core.Gaps.Detection;

namespace RiskIntel.Tests.App.Components.Gaps;

public sealed class EvidenceHighlighterTests
{
    private static readonly DocumentText Plan =
        PlanFiles.Load(Path.Combine(PlanFiles.SamplesFolder, "kenya-dairy-cooperative-business-plan.md"));

    [Fact]
    public void Highlight_QuoteBrokenAcrossLinesWithOtherCase_MarksTheOriginalTextExactly()
    {
        const string text = "9.3 Cash flow\nThe Society pays members before it has been\n  paid by the processors for the same month.";

        var segments = EvidenceHighlighter.Highlight(text, ["the society pays members before it has been paid by the processors"]);

        Assert.Equal(
            [new("9.3 Cash flow\n", false), new("The Society pays members before it has been\n  paid by the processors", true), new(" for the same month.", false)],
            segments);
        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void Highlight_TypographicQuotesAndDashes_MatchTheirPlainForms()
    {
        const string text = "Brokers pay KES 3–5 more per litre and the Society’s “loyalty bonus” is small.";

        var segments = EvidenceHighlighter.Highlight(text, ["KES 3-5 more per litre and the Society's \"loyalty bonus\""]);

        Assert.Equal("KES 3–5 more per litre and the Society’s “loyalty bonus”", Assert.Single(segments, s => s.Marked).Text);
    }

    [Fact]
    public void Highlight_QuoteNotOnThePage_MarksNothingAndKeepsTheText()
    {
        const string text = "The Society has 3,140 registered members.";

        var segments = EvidenceHighlighter.Highlight(text, ["The Society has 4,000 registered members"]);

        Assert.Equal([new TextSegment(text, false)], segments);
    }

    [Fact]
    public void Highlight_OverlappingAndRepeatedQuotes_AreMergedIntoOneMarkPerPlace()
    {
        const string text = "Milk intake fell by about 30 percent in the 2022 drought. Milk intake fell again in 2023.";

        var segments = EvidenceHighlighter.Highlight(text, ["Milk intake fell by about 30 percent", "about 30 percent in the 2022 drought", "milk intake fell"]);

        Assert.Equal(["Milk intake fell by about 30 percent in the 2022 drought", "Milk intake fell"], segments.Where(s => s.Marked).Select(s => s.Text));
    }

    [Fact]
    public void Normalise_OnEveryPageOfTheSamplePlan_IsTheVerifiersNormalForm()
    {
        foreach (var page in Plan.Pages)
        {
            var text = page.Text + " \u00AD “quoted” – dash ‘single’ \t\r\n end ";

            var (normalised, origin) = EvidenceHighlighter.Normalise(text);

            Assert.Equal(QuoteVerifier.Normalise(text), normalised);
            Assert.Equal(normalised.Length, origin.Count);
        }
    }

    [Fact]
    public void Highlight_EverySentenceOfTheSamplePlanReflowed_IsFoundOnItsPage()
    {
        var page = Plan.Pages[2];
        var sentences = page.Text.Split(". ").Where(s => s.Length > 40).Take(5).ToList();
        Assert.NotEmpty(sentences);

        foreach (var sentence in sentences)
        {
            // As an engine quotes it: layout whitespace collapsed, on one line.
            var quote = string.Join(' ', sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

            var marked = EvidenceHighlighter.Highlight(page.Text, [quote]).Where(s => s.Marked).ToList();

            Assert.NotEmpty(marked);
            Assert.Equal(QuoteVerifier.Normalise(quote), QuoteVerifier.Normalise(marked[0].Text));
        }
    }
}
