using System.Text;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Documents.Parsing.Text;

/// <summary>
/// Plain text and Markdown: decoded BOM-aware (strict UTF-8, else Windows-1252); form feeds are page
/// breaks, otherwise <see cref="SyntheticPager"/> cuts pages at paragraph (blank-line) boundaries.
/// Markdown ATX headings become the outline. The whole file is decoded at once: it is at most the upload
/// limit, and the UTF-16 copies made while normalising and paging keep memory near 10 × the file size.
/// </summary>
internal sealed class TextDocumentParser(DocumentsOptions options)
{
    public ParsedDocument Parse(string path, DocumentKind format, CancellationToken cancellationToken)
    {
        var text = Decode(File.ReadAllBytes(path));
        if (text.Length > options.MaxTextCharacters)
        {
            throw new InputValidationException($"the document has {text.Length} characters of text; at most {options.MaxTextCharacters} are allowed");
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var blocks = TextBlocks.Split(text, options.WordsPerSyntheticPage);
        var pageOf = text.Contains('\f', StringComparison.Ordinal)
            ? FormFeedPages(blocks)
            : SyntheticPager.Assign(blocks, options.WordsPerSyntheticPage, cancellationToken);
        var pages = SyntheticPager.Join([.. blocks.Select(b => b.Replace("\f", "", StringComparison.Ordinal))], pageOf, "\n\n");
        if (pages.Count > options.MaxPages)
        {
            throw new InputValidationException($"the document has {pages.Count} pages; at most {options.MaxPages} are allowed");
        }

        var words = pages.Sum(p => WordCounter.Count(p.Text));
        if (words == 0)
        {
            throw new InputValidationException("the document contains no text");
        }

        var outline = format == DocumentKind.Markdown ? MarkdownOutline.Read(blocks, pageOf) : [];
        var title = outline.FirstOrDefault(e => e.Level == 1)?.Title;
        var metadata = new DocumentMetadata(pages.Count, words, title, null, DocumentContentTypes.Of(format), Ocr: false);
        return new ParsedDocument(pages, metadata, outline, []);
    }

    internal static string Decode(byte[] bytes)
    {
        if (TextEncodings.FromBom(bytes) is var (encoding, bomLength))
        {
            return Checked(() => encoding.GetString(bytes, bomLength, bytes.Length - bomLength));
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new InputValidationException("the file contains binary data (NUL bytes), not text");
        }

        var text = TextEncodings.IsUtf8(bytes, isSample: false)
            ? TextEncodings.StrictUtf8.GetString(bytes)
            : TextEncodings.Windows1252.GetString(bytes);
        return TextSniffer.LooksBinary(text) ? throw new InputValidationException("the file contains binary data, not text") : text;
    }

    private static string Checked(Func<string> decode)
    {
        try
        {
            var text = decode();
            return TextSniffer.LooksBinary(text) ? throw new InputValidationException("the file contains binary data, not text") : text;
        }
        catch (DecoderFallbackException ex)
        {
            throw new InputValidationException("the file's byte-order mark names an encoding its bytes do not follow", ex);
        }
    }

    private static int[] FormFeedPages(List<string> blocks)
    {
        var pageOf = new int[blocks.Count];
        var page = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            pageOf[i] = page;
            page += blocks[i].Count(c => c == '\f');
        }

        return pageOf;
    }
}
