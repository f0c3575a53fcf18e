using System.Text;

namespace RiskIntel.Core.Documents.Parsing;

/// <summary>The whole text of a document as the job result carries it: pages joined by a blank line, capped.</summary>
public sealed record ResultText(string Text, bool TextTruncated)
{
    public const int MaxUtf8Bytes = 1024 * 1024;
    private const string PageSeparator = "\n\n";

    /// <summary>Joins the pages; past <paramref name="maxUtf8Bytes"/> the text is cut at a character boundary.</summary>
    public static ResultText Compose(IReadOnlyList<PageText> pages, int maxUtf8Bytes = MaxUtf8Bytes)
    {
        var builder = new StringBuilder();
        var bytes = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var piece = i == 0 ? pages[i].Text : PageSeparator + pages[i].Text;
            var size = Encoding.UTF8.GetByteCount(piece);
            if (bytes + size > maxUtf8Bytes)
            {
                builder.Append(Prefix(piece, maxUtf8Bytes - bytes));
                return new ResultText(builder.ToString(), TextTruncated: true);
            }

            builder.Append(piece);
            bytes += size;
        }

        return new ResultText(builder.ToString(), TextTruncated: false);
    }

    private static string Prefix(string text, int budget)
    {
        var used = 0;
        var end = 0;
        while (end < text.Length)
        {
            var length = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, length));
            if (used + size > budget)
            {
                break;
            }

            used += size;
            end += length;
        }

        return text[..end];
    }
}
