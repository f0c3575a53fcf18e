namespace RiskIntel.Core.Documents.Parsing;

/// <summary>Names common non-document file types by their magic numbers, so the user hears what they uploaded.</summary>
internal static class BinarySignatures
{
    private static readonly (byte[] Magic, string Description)[] Known =
    [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF87a"u8.ToArray(), "a GIF image"),
        ("GIF89a"u8.ToArray(), "a GIF image"),
        ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "a legacy Office file (DOC, XLS or PPT); save it as DOCX or PDF"),
        ([0x1F, 0x8B], "a GZIP archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ([0x52, 0x61, 0x72, 0x21, 0x1A, 0x07], "a RAR archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
    ];

    public static string? Describe(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, description) in Known)
        {
            if (head.StartsWith(magic))
            {
                return $"the file is {description}, not a PDF, DOCX, text or Markdown document";
            }
        }

        return null;
    }
}
