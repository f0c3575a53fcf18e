namespace RiskIntel.Core.Reports.Pdf.Layout.Tables;

/// <summary>
/// A table that flows across pages: the header row repeats on every page, rows move whole to the next page when
/// they fit there, and rows too tall for that (up to longer than a page) are split between lines.
/// </summary>
internal sealed class TableBlock : IFlowBlock
{
    // A row taller than this share of a page is split rather than moved, so tall rows leave no large gaps.
    private const double SplitShare = 0.4;
    private readonly TableSpec _spec;
    private readonly IReadOnlyList<TableRow>? _rows;
    private IReadOnlyList<RowLayout>? _laidOut;
    private RowLayout? _header;

    public TableBlock(TableSpec spec, IReadOnlyList<TableRow> rows, FlowOptions? options = null)
    {
        _spec = spec;
        _rows = rows;
        Options = options ?? FlowOptions.None;
    }

    private TableBlock(TableBlock table, IReadOnlyList<RowLayout> rest)
    {
        _spec = table._spec;
        _header = table._header;
        _laidOut = rest;
        Options = table.Options.Continuation;
    }

    public FlowOptions Options { get; }

    public FlowSplit Place(LayoutContext context, double available, bool atPageTop)
    {
        var widths = _spec.Widths(context.Width);
        var header = Header(context, widths);
        var rows = Rows(context, widths);
        var headerHeight = header?.Height ?? 0;
        var room = available - headerHeight;
        var placed = new List<RowLayout>();
        var y = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (y + row.Height <= room)
            {
                placed.Add(row);
                y += row.Height;
                continue;
            }

            var first = placed.Count == 0 && atPageTop;
            if (first || row.Height > (context.PageHeight - headerHeight) * SplitShare)
            {
                var continued = LineBreaker.Break([new TextRun($"{row.Title} (continued)".TrimStart(), _spec.Style.Continued)], widths[0] - (2 * _spec.Style.PadX), context.Text);
                var (head, tail) = row.Split(room - y, first ? 1 : 2, continued);
                if (head is not null)
                {
                    placed.Add(head);
                    return Result(widths, header, placed, [tail!, .. rows.Skip(i + 1)]);
                }
            }

            if (placed.Count == 0)
            {
                return atPageTop
                    ? throw new InvalidOperationException("A table row cannot start even one line on an empty page.")
                    : FlowSplit.Nothing(this);
            }

            return Result(widths, header, placed, rows.Skip(i).ToList());
        }

        return placed.Count == 0 && !atPageTop
            ? FlowSplit.Nothing(this)
            : FlowSplit.Whole(new TableFragment(_spec, widths, header, placed));
    }

    private FlowSplit Result(IReadOnlyList<double> widths, RowLayout? header, List<RowLayout> placed, List<RowLayout> rest) =>
        new(new TableFragment(_spec, widths, header, placed), rest.Count == 0 ? null : new TableBlock(this, rest));

    private RowLayout? Header(LayoutContext context, IReadOnlyList<double> widths)
    {
        if (_spec.ShowHeader && _header is null)
        {
            var cells = _spec.Columns.Select(c => TableCell.Text(c.Header, _spec.Style.Header)).ToList();
            _header = RowLayout.Of(new TableRow(cells), -1, widths, _spec.Style, context.Text);
        }

        return _header;
    }

    private IReadOnlyList<RowLayout> Rows(LayoutContext context, IReadOnlyList<double> widths) =>
        _laidOut ??= _rows!.Select((r, i) => RowLayout.Of(r, i, widths, _spec.Style, context.Text)).ToList();
}
