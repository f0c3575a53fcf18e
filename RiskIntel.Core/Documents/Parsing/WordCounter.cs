namespace RiskIntel.Core.Documents.Parsing;

/// <summary>Counts words as runs of non-whitespace, the way <c>pdftotext | wc -w</c> does.</summary>
internal static class WordCounter
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                count++;
            }

            inWord = !isSpace;
        }

        return count;
    }
}
