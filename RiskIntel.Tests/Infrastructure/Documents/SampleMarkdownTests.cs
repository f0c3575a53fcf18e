namespace RiskIntel.Tests.Infrastructure.Documents;

public sealed class SampleMarkdownTests
{
    [Fact]
    public void Parse_TheSamplePlan_BreaksPagesAtItsPageComments()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "kenya-dairy-cooperative-business-plan.md"));

        var document = SampleMarkdown.Parse(markdown, "Ndaragwa Highlands Dairy Farmers' Co-operative Society");

        Assert.Equal(markdown.Split('\n').Count(l => l.Trim() == "<!-- page -->"), document.Blocks.OfType<SamplePageBreak>().Count());
        Assert.Equal(6, document.Blocks.OfType<SamplePageBreak>().Count());
        Assert.DoesNotContain(document.Blocks.OfType<SampleParagraph>(), p => p.Text.Contains("<!--", StringComparison.Ordinal));
    }
}
