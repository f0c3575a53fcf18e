using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>
/// A page's words as text in reading order. A page laid out in one column (the common case, and about 20 times
/// cheaper) is read line by line, top to bottom, with a blank line at paragraph gaps. A page with columns
/// (at least 20 % of its lines have a gap wider than twice the text height, or do not overlap the line above
/// horizontally; the rows of a table the table detector finds do not count, or a page with a large table would
/// be read column by column), or with rotated text, goes through PdfPig's Docstrum segmentation and unsupervised
/// reading-order detector, so columns are read one after the other. Pages over the glyph cap, or where the
/// analysis fails, keep content order with a newline wherever the baseline moves.
/// </summary>
internal static class PdfPageLayout
{
    private static readonly DocstrumBoundingBoxes Segmenter = new(new DocstrumBoundingBoxes.DocstrumBoundingBoxesOptions { MaxDegreeOfParallelism = 1 });

    public static string ToText(IReadOnlyList<Word> words, List<List<Word>> lines, bool analyseLayout)
    {
        if (words.Count == 0)
        {
            return "";
        }

        if (analyseLayout && SingleColumnText(words, lines) is { } simple)
        {
            return PdfText.Clean(simple);
        }

        if (analyseLayout)
        {
            try
            {
                var blocks = Segmenter.GetBlocks(words);
                var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks);
                var builder = new StringBuilder();
                foreach (var block in ordered)
                {
                    foreach (var line in block.TextLines)
                    {
                        builder.AppendJoin(' ', line.Words.Select(w => w.Text)).Append('\n');
                    }

                    builder.Append('\n');
                }

                return PdfText.Clean(builder.ToString());
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException)
            {
                // Fall through: content order is always available.
            }
        }

        return PdfText.Clean(ContentOrder(words));
    }

    private static string? SingleColumnText(IReadOnlyList<Word> words, List<List<Word>> lines)
    {
        if (words.Any(w => w.TextOrientation != TextOrientation.Horizontal))
        {
            return null;
        }

        var tableRows = PdfTableDetector.Find(lines).SelectMany(t => t.Lines).ToHashSet();
        var columnar = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (tableRows.Contains(i))
            {
                continue;
            }

            var height = line.Max(w => w.BoundingBox.Height);
            var gapped = line.Zip(line.Skip(1)).Any(p => p.Second.BoundingBox.Left - p.First.BoundingBox.Right > 2 * height);
            var disjoint = i > 0 && (line[0].BoundingBox.Left > lines[i - 1][^1].BoundingBox.Right || line[^1].BoundingBox.Right < lines[i - 1][0].BoundingBox.Left);
            columnar += gapped || disjoint ? 1 : 0;
        }

        if (columnar * 5 >= lines.Count && lines.Count > 1)
        {
            return null;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                var gap = lines[i - 1].Min(w => w.BoundingBox.Bottom) - lines[i].Max(w => w.BoundingBox.Top);
                builder.Append(gap > lines[i].Max(w => w.BoundingBox.Height) ? "\n\n" : "\n");
            }

            builder.AppendJoin(' ', lines[i].Select(w => w.Text));
        }

        return builder.ToString();
    }

    private static string ContentOrder(IReadOnlyList<Word> words)
    {
        var builder = new StringBuilder();
        Word? previous = null;
        foreach (var word in words)
        {
            if (previous is not null)
            {
                var size = Math.Max(1, previous.BoundingBox.Height);
                builder.Append(Math.Abs(word.BoundingBox.Bottom - previous.BoundingBox.Bottom) > 0.6 * size ? '\n' : ' ');
            }

            builder.Append(word.Text);
            previous = word;
        }

        return builder.ToString();
    }
}
