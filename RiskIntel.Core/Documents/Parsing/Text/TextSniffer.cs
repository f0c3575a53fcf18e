using System.Text.RegularExpressions;

namespace RiskIntel.Core.Documents.Parsing.Text;

/// <summary>Decides from a sample whether bytes are text, and whether that text is Markdown.</summary>
internal static partial class TextSniffer
{
    /// <summary>Decodes the sample, or returns null when it is binary (NUL bytes, or more than 1 % control characters).</summary>
    public static string? DecodeSample(ReadOnlySpan<byte> sample, bool isWholeFile)
    {
        string text;
        if (TextEncodings.FromBom(sample) is var (encoding, bomLength))
        {
            var body = sample[bomLength..];
            if (encoding.CodePage != TextEncodings.StrictUtf8.CodePage && !isWholeFile)
            {
                body = body[..(body.Length & ~1)];
            }

            try
            {
                text = encoding.GetString(encoding.CodePage == TextEncodings.StrictUtf8.CodePage && !isWholeFile ? TrimPartialUtf8(body) : body);
            }
            catch (System.Text.DecoderFallbackException)
            {
                return null;
            }
        }
        else
        {
            if (sample.Contains((byte)0))
            {
                return null;
            }

            text = TextEncodings.IsUtf8(sample, isSample: !isWholeFile)
                ? TextEncodings.StrictUtf8.GetString(isWholeFile ? sample : TrimPartialUtf8(sample))
                : TextEncodings.Windows1252.GetString(sample);
        }

        return LooksBinary(text) ? null : text;
    }

    public static bool LooksBinary(ReadOnlySpan<char> text)
    {
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return true;
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f' or '\u001B'))
            {
                controls++;
            }
        }

        return controls > text.Length / 100;
    }

    public static bool HasAtxHeading(string text) => AtxHeadingLine().IsMatch(text);

    /// <summary>An ATX heading: up to 3 spaces, 1–6 '#', a space, then text (CommonMark §4.2).</summary>
    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeadingLine();

    private static ReadOnlySpan<byte> TrimPartialUtf8(ReadOnlySpan<byte> bytes)
    {
        // Drop a multi-byte sequence that the sample boundary cut in two.
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0xC0)
            {
                var needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
                return needed > back ? bytes[..^back] : bytes;
            }

            if ((b & 0x80) == 0)
            {
                return bytes;
            }
        }

        return bytes;
    }
}
