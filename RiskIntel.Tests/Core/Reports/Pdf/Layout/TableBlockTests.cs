using PdfSharp.Drawing;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Reports.Pdf.Layout.Tables;
using RiskIntel.Tests.Core.Reports.Samples;

namespace RiskIntel.Tests.Core.Reports.Pdf.Layout;

public sealed class TableBlockTests(LayoutFixture layout) : IClassFixture<LayoutFixture>
{
    private static readonly XRect Body = new(50, 60, 300, 400);
    private static readonly TextStyle Continued = LayoutFixture.Body with { Face = FontFace.Italic };
    private static readonly TableStyle Style = new(LayoutFixture.Bold, XColors.Navy, XColors.WhiteSmoke, XColors.Gray, Continued);
    private static readonly TableSpec Spec = new([new("Name", 1), new("Evidence", 3)], Style);

    [Fact]
    public void Place_RowTallerThanAPage_SplitsItBetweenLinesWithTheHeaderOnEveryPage()
    {
        var quote = SampleProse.Clauses(1_500);
        var table = new TableBlock(Spec, [Row("Liquidity", quote)]);

        var result = Paginate(table);

        var fragments = Fragments(result);
        Assert.True(fragments.Count >= 3);
        Assert.All(fragments, f => Assert.True(f.Height <= Body.Height + 0.001));
        var evidence = fragments.SelectMany(f => f.Rows).SelectMany(r => r.Cells[1]).OfType<TextLine>().Select(l => l.Text);
        Assert.Equal(quote, string.Join(' ', evidence));
        Assert.All(fragments.Skip(1), f => Assert.Equal("Liquidity (continued)", string.Join(' ', f.Rows[0].Cells[0].OfType<TextLine>().Select(l => l.Text))));
    }

    [Fact]
    public void Place_ShortRowThatDoesNotFit_MovesWholeToTheNextPage()
    {
        var rows = Enumerable.Range(0, 40).Select(i => Row($"Row {i}", "Three short lines of evidence that wrap in the column of this table.")).ToList();

        var result = Paginate(new TableBlock(Spec, rows));

        var fragments = Fragments(result);
        Assert.True(fragments.Count >= 2);
        var names = fragments.SelectMany(f => f.Rows).Select(r => ((TextLine)r.Cells[0][0]).Text).ToList();
        Assert.Equal(rows.Count, names.Count);
        Assert.Equal(names.Distinct(), names);
    }

    [Fact]
    public void Place_NotAtPageTopAndNoRowFits_PlacesNothingSoTheHeaderIsNotOrphaned()
    {
        var table = new TableBlock(Spec, [Row("Revenue", "A quote of a few lines that needs more room than the header leaves on this page.")]);

        var split = table.Place(layout.Context(Body.Width, Body.Height), available: 30, atPageTop: false);

        Assert.Null(split.Placed);
        Assert.Same(table, split.Rest);
    }

    [Fact]
    public void Place_CellsOfDifferentLengths_SplitEachCellOnItsOwn()
    {
        var table = new TableBlock(Spec, [new TableRow([TableCell.Text(Words(120), LayoutFixture.Body), TableCell.Text(SampleProse.Clauses(900), LayoutFixture.Body)])]);

        var fragments = Fragments(Paginate(table));

        var lines = fragments.SelectMany(f => f.Rows).SelectMany(r => r.Cells[0]).OfType<TextLine>().ToList();
        Assert.Equal(Words(120), string.Join(' ', lines.Where(l => l.Segments[0].Style != Continued).Select(l => l.Text)));
        Assert.Contains(lines, l => l.Segments[0].Style == Continued);
    }

    private FlowResult Paginate(IFlowBlock block) =>
        new Paginator(layout.Context(Body.Width, Body.Height), Body).Layout([block], 1, CancellationToken.None);

    private static List<TableFragment> Fragments(FlowResult result) =>
        result.Pages.SelectMany(p => p.Items).Select(i => i.Fragment).OfType<TableFragment>().ToList();

    private static TableRow Row(string name, string evidence) =>
        new([TableCell.Text(name, LayoutFixture.Body), TableCell.Text(evidence, LayoutFixture.Body)]);

    private static string Words(int count) => string.Join(' ', Enumerable.Range(1, count).Select(i => $"w{i}"));
}
