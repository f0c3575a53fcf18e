using PdfSharp.Drawing;
using RiskIntel.Core.Reports.Pdf.Layout;

namespace RiskIntel.Tests.Core.Reports.Pdf.Layout;

public sealed class PaginatorTests(LayoutFixture layout) : IClassFixture<LayoutFixture>
{
    private static readonly XRect Body = new(50, 60, 300, 400);

    [Fact]
    public void Layout_HeadingAtTheFootOfAPage_MovesToTheNextPageWithItsText()
    {
        var blocks = new List<IFlowBlock>
        {
            Filler(380),
            Paragraph("A heading", new FlowOptions(KeepWithNext: true, Anchor: "heading")),
            Paragraph(Words(80)),
        };

        var result = Paginator().Layout(blocks, firstPageNumber: 5, CancellationToken.None);

        Assert.Equal(2, result.Pages.Count);
        Assert.Single(result.Pages[0].Items);
        Assert.Equal(6, result.Anchors["heading"]);
        Assert.Equal(Body.Top, result.Pages[1].Items[0].Area.Top);
    }

    [Fact]
    public void Layout_ParagraphAcrossPages_LeavesNoSingleLineBehindOrAhead()
    {
        var paragraph = Paragraph(Words(200));
        var lineCount = paragraph.Lines(layout.Context(Body.Width, Body.Height)).Count;

        foreach (var filler in new[] { 50.0, 150, 250, 330, 370, 385 })
        {
            var result = Paginator().Layout([Filler(filler), paragraph], 1, CancellationToken.None);

            var pieces = result.Pages.SelectMany(p => p.Items).Select(i => i.Fragment).OfType<LinesFragment>().Select(f => f.Lines.Count).ToList();
            Assert.Equal(lineCount, pieces.Sum());
            Assert.All(pieces, n => Assert.True(n >= 2, $"a piece of {n} line(s) after a filler of {filler}"));
        }
    }

    [Fact]
    public void Layout_EveryFragment_StaysInsideTheBody()
    {
        var blocks = Enumerable.Range(0, 30).Select(i => Paragraph(Words(15 + (i * 7)), new FlowOptions(SpaceBefore: 8, SpaceAfter: 6))).ToList();

        var result = Paginator().Layout(blocks, 1, CancellationToken.None);

        Assert.True(result.Pages.Count > 3);
        Assert.All(result.Pages.SelectMany(p => p.Items), i => Assert.True(i.Area.Top >= Body.Top && i.Area.Bottom <= Body.Bottom + 0.001, $"{i.Area} leaves the body"));
    }

    [Fact]
    public void Layout_PageBreakBefore_StartsANewPageUnlessAlreadyAtTheTop()
    {
        var chapter = new FlowOptions(PageBreakBefore: true);

        var result = Paginator().Layout([Paragraph("One", chapter), Paragraph("Two"), Paragraph("Three", chapter)], 1, CancellationToken.None);

        Assert.Equal([2, 1], result.Pages.Select(p => p.Items.Count));
    }

    [Fact]
    public void Layout_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Paginator().Layout([Paragraph("x")], 1, cancelled.Token));
    }

    private Paginator Paginator() => new(layout.Context(Body.Width, Body.Height), Body);

    private static FixedBlock Filler(double height) => new(height, static (_, _) => { });

    private static ParagraphBlock Paragraph(string text, FlowOptions? options = null) =>
        new ParagraphBlock([new TextRun(text, LayoutFixture.Body)], options ?? FlowOptions.None);

    private static string Words(int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => i % 5 == 0 ? "cooperative" : "milk"));
}
