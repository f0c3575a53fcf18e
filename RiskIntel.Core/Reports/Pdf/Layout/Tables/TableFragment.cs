using PdfSharp.Drawing;

namespace RiskIntel.Core.Reports.Pdf.Layout.Tables;

/// <summary>The rows of a table that landed on one page, under a copy of the header.</summary>
internal sealed class TableFragment(TableSpec spec, IReadOnlyList<double> widths, RowLayout? header, IReadOnlyList<RowLayout> rows) : IFragment
{
    public double Height { get; } = (header?.Height ?? 0) + rows.Sum(r => r.Height);

    public IReadOnlyList<RowLayout> Rows => rows;

    public void Draw(DrawContext context, XRect area)
    {
        var style = spec.Style;
        var top = area.Top;
        if (header is not null)
        {
            context.FillRect(style.HeaderBackground, new XRect(area.Left, top, area.Width, header.Height));
            DrawCells(context, header, area.Left, top);
            top += header.Height;
        }

        foreach (var row in rows)
        {
            if (row.Index % 2 == 1)
            {
                context.FillRect(style.Zebra, new XRect(area.Left, top, area.Width, row.Height));
            }

            DrawCells(context, row, area.Left, top);
            top += row.Height;
            context.Line(style.Rule, 0.5, area.Left, top, area.Right, top);
        }
    }

    private void DrawCells(DrawContext context, RowLayout row, double left, double top)
    {
        var x = left;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var inner = widths[i] - (2 * spec.Style.PadX);
            var y = top + row.PadY;
            foreach (var line in row.Cells[i])
            {
                line.Draw(context, x + spec.Style.PadX + spec.Columns[i].Align.Offset(inner, line.Width), y);
                y += line.Height;
            }

            x += widths[i];
        }
    }
}
