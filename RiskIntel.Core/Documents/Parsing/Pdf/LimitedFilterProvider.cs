using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>Thrown when a PDF stream would decode to more than the configured cap (a decompression bomb).</summary>
internal sealed class PdfStreamTooLargeException(long cap)
    : Exception($"a stream of the PDF decodes to more than {cap / (1024 * 1024)} MB (possible decompression bomb)");

/// <summary>
/// PdfPig's filters with a cap on decoded size. Flate streams are measured by inflating them into a counter
/// before PdfPig allocates the result, so a bomb is refused without its memory ever being taken; the other
/// filters (LZW, run-length, ASCII) are checked after decoding.
/// </summary>
internal sealed class LimitedFilterProvider(long maxDecodedBytes) : IFilterProvider
{
    private readonly IFilterProvider _inner = DefaultFilterProvider.Instance;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private IFilter[] Wrap(IReadOnlyList<IFilter> filters) => [.. filters.Select(f => (IFilter)new CappedFilter(f, maxDecodedBytes))];

    private sealed class CappedFilter(IFilter inner, long cap) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (inner is FlateFilter)
            {
                EnsureInflatesWithinCap(input);
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            return output.Length > cap ? throw new PdfStreamTooLargeException(cap) : output;
        }

        private void EnsureInflatesWithinCap(Memory<byte> input)
        {
            if (input.Length <= 2)
            {
                return;
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
                    if (total > cap)
                    {
                        throw new PdfStreamTooLargeException(cap);
                    }
                }
            }
            catch (InvalidDataException)
            {
                // Damaged data: PdfPig decodes what it can, and that is no more than was counted here.
            }
        }
    }
}
