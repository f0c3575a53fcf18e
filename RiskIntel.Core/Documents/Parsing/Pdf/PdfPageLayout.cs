using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>
/// A page's words as text in reading order: PdfPig's Docstrum segmentation into blocks, ordered by the
/// unsupervised reading-order detector (columns are read one after the other); lines end with a newline,
/// blocks with a blank line. Pages with more glyphs than the cap, or where the analysis fails, keep
/// content order with a newline wherever the baseline moves.
/// </summary>
internal static class PdfPageLayout
{
    private static readonly DocstrumBoundingBoxes Segmenter = new(new DocstrumBoundingBoxes.DocstrumBoundingBoxesOptions { MaxDegreeOfParallelism = 1 });

    public static string ToText(IReadOnlyList<Word> words, bool analyseLayout)
    {
        if (words.Count == 0)
        {
            return "";
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
