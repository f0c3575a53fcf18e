using UglyToad.PdfPig.Content;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>Horizontal words grouped into visual lines: top to bottom, each left to right (same baseline within half the text height).</summary>
internal static class PdfLines
{
    public static List<List<Word>> Build(IEnumerable<Word> words)
    {
        var lines = new List<List<Word>>();
        var line = new List<Word>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            if (line.Count > 0 && Math.Abs(line[0].BoundingBox.Bottom - word.BoundingBox.Bottom) > 0.5 * Math.Max(1, line[0].BoundingBox.Height))
            {
                lines.Add([.. line.OrderBy(w => w.BoundingBox.Left)]);
                line.Clear();
            }

            line.Add(word);
        }

        if (line.Count > 0)
        {
            lines.Add([.. line.OrderBy(w => w.BoundingBox.Left)]);
        }

        return lines;
    }
}
