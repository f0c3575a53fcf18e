using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Tests.Core.Reports.Samples;

namespace RiskIntel.Tests.Core.Reports.Pdf.Layout;

public sealed class LineBreakerTests(LayoutFixture layout) : IClassFixture<LayoutFixture>
{
    [Fact]
    public void Break_LongProse_NoLineIsWiderThanTheWidthAndNoWordIsLost()
    {
        var text = SampleProse.Clauses(400);

        var lines = LineBreaker.Break([new TextRun(text, LayoutFixture.Body)], 180, layout.Text);

        Assert.True(lines.Count > 20);
        Assert.All(lines, l => Assert.InRange(l.Width, 1, 180));
        Assert.All(lines, l => Assert.Equal(l.Width, layout.Text.Width(l.Text, LayoutFixture.Body), 3));
        Assert.Equal(text, string.Join(' ', lines.Select(l => l.Text)));
    }

    [Fact]
    public void Break_WordsThatFit_AreNeverCut()
    {
        var lines = LineBreaker.Break([new TextRun("Disburse the facility in three tranches tied to the milk intake calendar.", LayoutFixture.Body)], 120, layout.Text);

        var words = lines.SelectMany(l => l.Text.Split(' ')).ToList();
        Assert.Equal(["Disburse", "the", "facility", "in", "three", "tranches", "tied", "to", "the", "milk", "intake", "calendar."], words);
    }

    [Fact]
    public void Break_UnbrokenUrl_IsCutIntoPiecesThatFitPreferablyAfterSeparators()
    {
        const string url = "https://data.example.org/cooperatives/nyeri/ledgers/2025/intake?centre=all&format=csv";

        var lines = LineBreaker.Break([new TextRun(url, LayoutFixture.Body)], 90, layout.Text);

        Assert.True(lines.Count >= 3);
        Assert.All(lines, l => Assert.InRange(l.Width, 1, 90));
        Assert.Equal(url, string.Concat(lines.Select(l => l.Text)));
        Assert.All(lines.SkipLast(1), l => Assert.Contains(l.Text[^1], "/-_.?&=,;:|\\"));
    }

    [Fact]
    public void Break_TokenWithoutSeparators_IsCutByCharacters()
    {
        var hash = new string('f', 64);

        var lines = LineBreaker.Break([new TextRun(hash, LayoutFixture.Body)], 50, layout.Text);

        Assert.True(lines.Count > 3);
        Assert.Equal(hash, string.Concat(lines.Select(l => l.Text)));
        Assert.All(lines, l => Assert.InRange(l.Width, 1, 50));
    }

    [Fact]
    public void Break_HardLineBreaksAndControlCharacters_StartNewLinesAndVanish()
    {
        var lines = LineBreaker.Break([new TextRun("First line\r\nsecond\tline\u0007\n\nafter a blank", LayoutFixture.Body)], 400, layout.Text);

        Assert.Equal(["First line", "second line", "", "after a blank"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Break_MixedRuns_KeepEachStyleAndGlueAdjacentPieces()
    {
        var lines = LineBreaker.Break(
            [new TextRun("“Quote ends here”", LayoutFixture.Body), new TextRun("p.\u00A012", LayoutFixture.Bold)],
            400,
            layout.Text);

        var line = Assert.Single(lines);
        Assert.Equal(["“Quote ends here”", "p.\u00A012"], line.Segments.Select(s => s.Text));
        Assert.Equal(layout.Text.Width("“Quote ends here”", LayoutFixture.Body), line.Segments[1].X, 3);
        Assert.Equal(LayoutFixture.Bold, line.Segments[1].Style);
    }

    [Fact]
    public void Break_MarkupAndEntities_StayLiteral()
    {
        const string markup = "<script>alert('x')</script> &amp; &lt;b&gt;";

        var lines = LineBreaker.Break([new TextRun(markup, LayoutFixture.Body)], 400, layout.Text);

        Assert.Equal(markup, Assert.Single(lines).Text);
    }
}
