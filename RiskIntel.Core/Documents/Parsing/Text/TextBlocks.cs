namespace RiskIntel.Core.Documents.Parsing.Text;

/// <summary>
/// Splits text into blocks for paging: paragraphs separated by blank lines, and at every form feed (which
/// ends its block, so a page break falls between blocks). A paragraph longer than twice the page size is
/// split at line ends, and a line longer than that at spaces, so no page grows without bound.
/// </summary>
internal static class TextBlocks
{
    public static List<string> Split(string text, int wordsPerPage)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        var words = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var segments = rawLine.Split('\f');
            for (var s = 0; s < segments.Length; s++)
            {
                var line = segments[s];
                var last = s == segments.Length - 1;
                if (line.Trim().Length == 0 && last)
                {
                    Flush(suffix: "");
                    continue;
                }

                foreach (var piece in SplitLongLine(line, 2 * wordsPerPage))
                {
                    var count = WordCounter.Count(piece);
                    if (words + count > 2 * wordsPerPage)
                    {
                        Flush(suffix: "");
                    }

                    current.Add(piece);
                    words += count;
                }

                if (!last)
                {
                    Flush(suffix: "\f");
                }
            }
        }

        Flush(suffix: "");
        return blocks;

        void Flush(string suffix)
        {
            if (current.Count > 0 || suffix.Length > 0)
            {
                blocks.Add(string.Join('\n', current) + suffix);
            }

            current.Clear();
            words = 0;
        }
    }

    private static IEnumerable<string> SplitLongLine(string line, int maxWords)
    {
        if (WordCounter.Count(line) <= maxWords)
        {
            yield return line;
            yield break;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i += maxWords)
        {
            yield return string.Join(' ', words.Skip(i).Take(maxWords));
        }
    }
}
