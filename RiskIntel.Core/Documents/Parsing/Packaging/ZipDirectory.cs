using System.Buffers.Binary;
using System.IO.Compression;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Documents.Parsing.Packaging;

/// <summary>One entry of a zip's central directory: its name and declared sizes.</summary>
internal sealed record ZipEntryInfo(string Name, long Length, long CompressedLength);

/// <summary>
/// Reads a zip's central directory without decompressing anything. The entry count is read from the
/// end-of-central-directory record first, so a directory of millions of entries is refused before
/// <see cref="ZipArchive"/> would materialise them all.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const int EndRecordLength = 22;

    public static IReadOnlyList<ZipEntryInfo> Read(Stream stream, int maxEntries)
    {
        var declared = ReadDeclaredEntryCount(stream)
            ?? throw new InputValidationException("the file is a damaged ZIP package (no end of central directory)");
        if (declared is ushort.MaxValue)
        {
            throw new InputValidationException("the file is a ZIP64 package; such large packages are not supported");
        }

        if (declared > maxEntries)
        {
            throw new InputValidationException($"the ZIP package has {declared} entries; at most {maxEntries} are allowed");
        }

        stream.Position = 0;
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return [.. archive.Entries.Select(e => new ZipEntryInfo(e.FullName, e.Length, e.CompressedLength))];
        }
        catch (InvalidDataException ex)
        {
            throw new InputValidationException($"the file is a damaged ZIP package ({ex.Message})", ex);
        }
    }

    private static int? ReadDeclaredEntryCount(Stream stream)
    {
        var tailLength = (int)Math.Min(stream.Length, EndRecordLength + ushort.MaxValue);
        if (tailLength < EndRecordLength)
        {
            return null;
        }

        var tail = new byte[tailLength];
        stream.Position = stream.Length - tailLength;
        stream.ReadExactly(tail);
        for (var at = tailLength - EndRecordLength; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) == EndOfCentralDirectorySignature)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            }
        }

        return null;
    }
}
