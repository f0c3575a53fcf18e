using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using RiskIntel.Core.Reports.Fonts;

namespace RiskIntel.Tests.Infrastructure.Documents;

/// <summary>
/// A ruled table of a sample PDF. Plain: equal columns, one line per cell. Finished: columns fitted to their text
/// (figures right-aligned), cells that wrap, a shaded header row repeated after a page break, banded rows.
/// </summary>
internal sealed partial class SamplePdfTable(SamplePdfLayout layout, SampleTable table, bool finished)
{
    private const double Padding = 5;
    // Rows no taller than 2.5 × the text height, or the parser's table detector sees separate lines, not a table.
    private const double LineHeight = 11.5;
    private const double RowPadding = 4.5;
    private static readonly XColor Rule = XColor.FromArgb(173, 181, 189);
    private readonly XFont _header = new(ReportFonts.Family, finished ? 9.5 : 10, XFontStyleEx.Bold);
    private readonly XFont _cell = new(ReportFonts.Family, finished ? 9.5 : 10);
    private bool[] _figures = [];

    public void Draw()
    {
        var columns = table.Rows.Max(r => r.Length);
        var widths = finished ? FittedWidths() : [.. Enumerable.Repeat(layout.Width / columns, columns)];
        _figures = [.. Enumerable.Range(0, columns).Select(c => c > 0 && table.Rows.Skip(1).All(r => c < r.Length && Figure().IsMatch(r[c])))];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r];
            var font = r == 0 || (finished && cells[0] == "Total") ? _header : _cell;
            var wrapped = cells.Select((c, i) => finished ? layout.Wrap(c, font, widths[i] - (2 * Padding)) : [c]).ToList();
            var height = finished ? (wrapped.Max(w => Math.Max(1, w.Count)) * LineHeight) + RowPadding : 18;
            if (layout.Y + height > layout.Bottom)
            {
                layout.NewPage();
                if (finished && r > 0)
                {
                    Row(table.Rows[0].Select(c => (IReadOnlyList<string>)[c]).ToList(), widths, _header, 0, LineHeight + RowPadding);
                }
            }

            Row(wrapped, widths, font, r, height);
        }

        layout.Y += 10;
    }

    private void Row(List<IReadOnlyList<string>> cells, double[] widths, XFont font, int row, double height)
    {
        var graphics = layout.Graphics;
        var x = SamplePdfLayout.Margin;
        for (var c = 0; c < cells.Count; c++)
        {
            if (finished && (row == 0 || row % 2 == 0))
            {
                var fill = row == 0 ? XColor.FromArgb(214, 232, 220) : XColor.FromArgb(246, 248, 247);
                graphics.DrawRectangle(new XSolidBrush(fill), x, layout.Y, widths[c], height);
            }

            graphics.DrawRectangle(finished ? new XPen(Rule, 0.5) : XPens.Gray, x, layout.Y, widths[c], height);
            var y = layout.Y + (finished ? (RowPadding / 2) + (LineHeight * 0.8) : 12.5);
            foreach (var line in cells[c])
            {
                // A figure column is right-aligned with its header, so its cells share one right edge.
                var right = finished && _figures[c];
                var left = right ? x + widths[c] - Padding - graphics.MeasureString(line, font).Width : x + Padding;
                graphics.DrawString(line, font, finished ? new XSolidBrush(SamplePdfLayout.Ink) : XBrushes.Black, left, y);
                y += LineHeight;
            }

            x += widths[c];
        }

        layout.Y += height;
    }

    /// <summary>Each column as wide as its longest cell; when that is too wide, the widest columns give way and wrap.</summary>
    private double[] FittedWidths()
    {
        var columns = table.Rows.Max(r => r.Length);
        var widths = new double[columns];
        foreach (var (row, r) in table.Rows.Select((row, r) => (row, r)))
        {
            for (var c = 0; c < row.Length; c++)
            {
                var natural = layout.Graphics.MeasureString(row[c], r == 0 ? _header : _cell).Width + (2 * Padding) + 2;
                widths[c] = Math.Max(widths[c], Math.Max(natural, c == 0 ? 90 : 62));
            }
        }

        while (widths.Sum() > layout.Width)
        {
            var widest = Array.IndexOf(widths, widths.Max());
            widths[widest] -= Math.Min(widths.Sum() - layout.Width, widths[widest] * 0.1);
        }

        return widths;
    }

    [GeneratedRegex(@"^[\d.,%–\-]+$")]
    private static partial Regex Figure();
}
