using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>Thrown when a PDF stream would decode to more than the configured cap (a decompression bomb).</summary>
internal sealed class PdfStreamTooLargeException(long cap)
    : Exception($"a stream of the PDF decodes to more than {cap / (1024 * 1024)} MB (possible decompression bomb)");

/// <summary>Thrown when a page's content stream is over its cap: the page is skipped, not the document.</summary>
internal sealed class PdfContentTooLargeException(long cap)
    : Exception($"a page's content stream decodes to more than {cap / 1024} KB");

/// <summary>
/// PdfPig's filters with a cap on decoded size. Flate streams are measured by inflating them into a counter
/// before PdfPig allocates the result, so a bomb is refused without its memory ever being taken; the other
/// filters (LZW, run-length, ASCII) are checked after decoding. Content streams (pages and form XObjects)
/// have a much smaller cap: PdfPig keeps about 330 bytes per drawn glyph, so a 1 MB stream of one-byte
/// glyphs already costs ~330 MB.
/// </summary>
internal sealed class LimitedFilterProvider(long maxDecodedBytes, long maxContentBytes) : IFilterProvider
{
    private readonly IFilterProvider _inner = DefaultFilterProvider.Instance;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private IFilter[] Wrap(IReadOnlyList<IFilter> filters) => [.. filters.Select(f => (IFilter)new CappedFilter(f, maxDecodedBytes, maxContentBytes))];

    /// <summary>Page contents and form XObjects: no /Type, /Subtype or font-program keys, or /Subtype /Form.</summary>
    private static bool IsContent(DictionaryToken dictionary) =>
        dictionary.Data.TryGetValue(NameToken.Subtype.Data, out var subtype)
            ? subtype is NameToken { Data: "Form" }
            : !dictionary.ContainsKey(NameToken.Type) && !dictionary.ContainsKey(NameToken.Length1)
              && !dictionary.ContainsKey(NameToken.Length2) && !dictionary.ContainsKey(NameToken.N);

    private sealed class CappedFilter(IFilter inner, long cap, long contentCap) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            var limit = IsContent(streamDictionary) ? Math.Min(cap, contentCap) : cap;
            Exception TooLarge() => limit < cap ? new PdfContentTooLargeException(limit) : new PdfStreamTooLargeException(cap);
            if (inner is FlateFilter && InflatedLength(input, limit) > limit)
            {
                throw TooLarge();
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            return output.Length > limit ? throw TooLarge() : output;
        }

        /// <summary>Inflates into a counter, stopping just past <paramref name="limit"/>.</summary>
        private static long InflatedLength(Memory<byte> input, long limit)
        {
            if (input.Length <= 2)
            {
                return 0;
            }

            // Like PdfPig's FlateFilter: skip the two-byte zlib header and inflate the raw deflate data.
            var source = MemoryMarshal.TryGetArray<byte>(input[2..], out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(input[2..].ToArray(), writable: false);
            using var inflater = new DeflateStream(source, CompressionMode.Decompress);
            var buffer = new byte[64 * 1024];
            long total = 0;
            try
            {
                int read;
                while ((read = inflater.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > limit)
                    {
                        return total;
                    }
                }
            }
            catch (InvalidDataException)
            {
                // Damaged data: PdfPig decodes what it can, and that is no more than was counted here.
            }

            return total;
        }
    }
}
