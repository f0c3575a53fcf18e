using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Documents.Parsing.Packaging;

/// <summary>
/// Refuses a zip package whose central directory promises too much: too many entries, too many expanded
/// bytes in all, or an entry that expands suspiciously well. The declared sizes are binding: .NET's
/// <c>ZipArchive</c> never returns more bytes than an entry declares, so a lying header only truncates.
/// </summary>
internal static class ZipBombGuard
{
    private const long RatioCheckedAbove = 1024 * 1024;

    public static IReadOnlyList<ZipEntryInfo> Inspect(Stream stream, DocumentsOptions options)
    {
        var entries = ZipDirectory.Read(stream, options.MaxZipEntries);
        long total = 0;
        foreach (var entry in entries)
        {
            total += entry.Length;
            if (total > options.MaxExpandedBytes)
            {
                throw new InputValidationException(
                    $"the package expands to more than {options.MaxExpandedBytes / (1024 * 1024)} MB (possible zip bomb)");
            }

            if (entry.Length > RatioCheckedAbove && entry.Length > (long)options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new InputValidationException(
                    $"the package entry {entry.Name} expands {entry.Length / Math.Max(1, entry.CompressedLength)} times (possible zip bomb)");
            }
        }

        stream.Position = 0;
        return entries;
    }
}
