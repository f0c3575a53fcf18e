using System.Text;

namespace RiskIntel.Core.Documents.Parsing.Text;

/// <summary>
/// How text files are decoded: a BOM (UTF-8, UTF-16 LE/BE) wins; without one, strict UTF-8 is tried first and
/// Windows-1252 is the fallback (the usual encoding of legacy Western text files; every byte decodes).
/// </summary>
internal static class TextEncodings
{
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Windows1252 { get; } = CreateWindows1252();

    /// <summary>The encoding a BOM names and the BOM's length, or null without a BOM.</summary>
    public static (Encoding Encoding, int BomLength)? FromBom(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8, 3);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        return null;
    }

    /// <summary>Whether the bytes are valid UTF-8, allowing a multi-byte sequence cut off at the end of a sample.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes, bool isSample)
    {
        var decoder = StrictUtf8.GetDecoder();
        try
        {
            var chars = new char[StrictUtf8.GetMaxCharCount(Math.Min(bytes.Length, 4096))];
            for (var offset = 0; offset < bytes.Length; offset += 4096)
            {
                var chunk = bytes.Slice(offset, Math.Min(4096, bytes.Length - offset));
                var last = offset + chunk.Length >= bytes.Length;
                decoder.GetChars(chunk, chars, flush: last && !isSample);
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
