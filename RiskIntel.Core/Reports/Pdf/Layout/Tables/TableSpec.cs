using PdfSharp.Drawing;

namespace RiskIntel.Core.Reports.Pdf.Layout.Tables;

/// <summary>A column: its header text, its share of the table width, and how its cells align.</summary>
internal sealed record TableColumn(string Header, double Weight, Align Align = Align.Left);

/// <summary>The look of a table; <paramref name="Continued"/> marks a row that carries on from the previous page.</summary>
internal sealed record TableStyle(
    TextStyle Header,
    XColor HeaderBackground,
    XColor Zebra,
    XColor Rule,
    TextStyle Continued,
    double PadX = 5,
    double PadY = 4);

internal sealed record TableSpec(IReadOnlyList<TableColumn> Columns, TableStyle Style, bool ShowHeader = true)
{
    public IReadOnlyList<double> Widths(double total)
    {
        var sum = Columns.Sum(c => c.Weight);
        return Columns.Select(c => total * c.Weight / sum).ToList();
    }
}

/// <summary>A row of cells, one per column.</summary>
internal sealed record TableRow(IReadOnlyList<TableCell> Cells);

/// <summary>A cell: paragraphs of runs and boxes (badges), stacked.</summary>
internal sealed record TableCell(IReadOnlyList<CellItem> Items)
{
    public static TableCell Empty { get; } = new([]);

    public static TableCell Text(string text, TextStyle style) => new([new CellText([new TextRun(text, style)])]);
}

internal abstract record CellItem(double SpaceAfter);

internal sealed record CellText(IReadOnlyList<TextRun> Runs, double SpaceAfter = 0) : CellItem(SpaceAfter);

/// <summary>A box whose size depends on measured text (a badge), made once the measurer is at hand.</summary>
internal sealed record CellBox(Func<TextMeasurer, ILineBox> Create, double SpaceAfter = 0) : CellItem(SpaceAfter);
