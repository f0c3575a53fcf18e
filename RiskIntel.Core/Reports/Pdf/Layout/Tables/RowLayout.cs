namespace RiskIntel.Core.Reports.Pdf.Layout.Tables;

/// <summary>
/// A row broken into line boxes per cell. A row that must be split is cut between lines, each cell on its own;
/// the part that goes on is marked as continued in its first cell.
/// </summary>
internal sealed record RowLayout(IReadOnlyList<IReadOnlyList<ILineBox>> Cells, int Index, double PadY, string Title)
{
    // The first cell names the row ("Liquidity"); a longer first cell is cut to its first line for the continued mark.
    private const int TitleLength = 60;

    // Computed, not stored: split rows are copies made with `with`, and a stored height would be the original's.
    public double Height => Cells.Max(c => c.Sum(l => l.Height)) + (2 * PadY);

    public static RowLayout Of(TableRow row, int index, IReadOnlyList<double> widths, TableStyle style, TextMeasurer measurer)
    {
        var cells = row.Cells.Select((cell, i) => Lines(cell, widths[i] - (2 * style.PadX), measurer)).ToList();
        var lines = cells[0].OfType<TextLine>().Select(l => l.Text).ToList();
        var title = string.Join(' ', lines);
        return new RowLayout(cells, index, style.PadY, title.Length <= TitleLength || lines.Count == 0 ? title : lines[0] + "…");
    }

    /// <summary>
    /// Cuts the row so the head fits <paramref name="available"/>; null head when no cell that goes on could keep at
    /// least <paramref name="minLines"/> lines here (they would be orphans).
    /// </summary>
    public (RowLayout? Head, RowLayout? Tail) Split(double available, int minLines, IReadOnlyList<ILineBox> continued)
    {
        var inner = available - (2 * PadY);
        var heads = new List<IReadOnlyList<ILineBox>>();
        var tails = new List<IReadOnlyList<ILineBox>>();
        foreach (var lines in Cells)
        {
            var fit = 0;
            var height = 0.0;
            while (fit < lines.Count && height + lines[fit].Height <= inner)
            {
                height += lines[fit++].Height;
            }

            if (fit < lines.Count && fit < Math.Min(minLines, lines.Count))
            {
                return (null, this);
            }

            heads.Add(Trim(lines.Take(fit)));
            tails.Add(Trim(lines.Skip(fit)));
        }

        if (tails[0].Count == 0 && tails.Any(t => t.Count > 0))
        {
            tails[0] = continued;
        }

        return (this with { Cells = heads }, this with { Cells = tails });
    }

    private static List<ILineBox> Lines(TableCell cell, double width, TextMeasurer measurer)
    {
        var lines = new List<ILineBox>();
        foreach (var item in cell.Items)
        {
            switch (item)
            {
                case CellText text:
                    lines.AddRange(LineBreaker.Break(text.Runs, width, measurer));
                    break;
                case CellBox box:
                    lines.Add(box.Create(measurer));
                    break;
            }

            if (item.SpaceAfter > 0)
            {
                lines.Add(new GapBox(item.SpaceAfter));
            }
        }

        return Trim(lines);
    }

    // Gaps separate paragraphs; at the top or bottom of a cell piece they would only be white space.
    private static List<ILineBox> Trim(IEnumerable<ILineBox> lines)
    {
        var list = lines.ToList();
        while (list.Count > 0 && list[^1] is GapBox)
        {
            list.RemoveAt(list.Count - 1);
        }

        var lead = list.TakeWhile(l => l is GapBox).Count();
        return lead == 0 ? list : list[lead..];
    }
}
