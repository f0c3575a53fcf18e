using UglyToad.PdfPig.Content;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>
/// PdfPig has no table detector, so this finds simple aligned grids, conservatively (a missed table costs
/// little, an invented one misleads):
/// 1. horizontal words are grouped into visual lines (same baseline within 0.5 × the text height);
/// 2. a line is cut into cells at horizontal gaps of at least 1.2 × its text height (word spaces are ~0.3);
/// 3. a table is a run of at least 3 consecutive lines, each of at least 2 cells, no more than 2.5 line
///    heights apart, whose cells fall into the same columns: the union of the cells' x-ranges gives exactly
///    as many disjoint intervals as every line has cells;
/// 4. prose is rejected: cells average at most 4 words and none exceeds 12 words (two text columns would
///    otherwise look like a two-column table).
/// </summary>
internal static class PdfTableDetector
{
    private const int MinRows = 3;
    private const double CellGap = 1.2;
    private const double MaxRowDistance = 2.5;
    private const double MaxMeanWordsPerCell = 4;
    private const int MaxWordsPerCell = 12;

    public static List<string[][]> Detect(List<List<Word>> lines) => [.. Find(lines).Select(t => t.Rows)];

    /// <summary>The tables of a page with the indices (in <paramref name="lines"/>) of the lines each is made of.</summary>
    public static List<(List<int> Lines, string[][] Rows)> Find(List<List<Word>> lines)
    {
        var tables = new List<(List<int> Lines, string[][] Rows)>();
        var run = new List<Row>();
        var indices = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var row = ToRow(lines[i]);
            if (run.Count > 0 && !Continues(run, row))
            {
                Emit(run, indices, tables);
                run.Clear();
                indices.Clear();
            }

            if (row.Cells.Count >= 2)
            {
                run.Add(row);
                indices.Add(i);
            }
        }

        Emit(run, indices, tables);
        return tables;
    }

    private sealed record Cell(double Left, double Right, string Text, int Words);

    private sealed record Row(double Baseline, double Height, List<Cell> Cells);

    private static Row ToRow(List<Word> line)
    {
        var height = line.Max(w => w.BoundingBox.Height);
        var cells = new List<Cell>();
        var start = 0;
        for (var i = 1; i <= line.Count; i++)
        {
            if (i == line.Count || line[i].BoundingBox.Left - line[i - 1].BoundingBox.Right >= CellGap * height)
            {
                var members = line.GetRange(start, i - start);
                cells.Add(new Cell(members[0].BoundingBox.Left, members[^1].BoundingBox.Right, string.Join(' ', members.Select(w => w.Text)), members.Count));
                start = i;
            }
        }

        return new Row(line[0].BoundingBox.Bottom, height, cells);
    }

    private static bool Continues(List<Row> run, Row row) =>
        row.Cells.Count == run[0].Cells.Count
        && run[^1].Baseline - row.Baseline <= MaxRowDistance * Math.Max(row.Height, run[^1].Height)
        && Columns([.. run, row]).Count == row.Cells.Count;

    private static List<(double Left, double Right)> Columns(IEnumerable<Row> rows)
    {
        var merged = new List<(double Left, double Right)>();
        foreach (var (left, right) in rows.SelectMany(r => r.Cells).Select(c => (c.Left, c.Right)).OrderBy(c => c.Left))
        {
            if (merged.Count > 0 && left <= merged[^1].Right)
            {
                merged[^1] = (merged[^1].Left, Math.Max(merged[^1].Right, right));
            }
            else
            {
                merged.Add((left, right));
            }
        }

        return merged;
    }

    private static void Emit(List<Row> run, List<int> indices, List<(List<int> Lines, string[][] Rows)> tables)
    {
        if (run.Count < MinRows)
        {
            return;
        }

        var cells = run.SelectMany(r => r.Cells).ToList();
        if (cells.Average(c => c.Words) > MaxMeanWordsPerCell || cells.Any(c => c.Words > MaxWordsPerCell))
        {
            return;
        }

        tables.Add(([.. indices], [.. run.Select(r => r.Cells.Select(c => PdfText.Clean(c.Text)).ToArray())]));
    }
}
