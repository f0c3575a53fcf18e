using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>
/// A complete PDF ends with <c>%%EOF</c> (readers look for it in the last 1024 bytes). PdfPig's lenient
/// parser would otherwise rebuild a cut-off upload silently and return part of it as if it were whole.
/// </summary>
internal static class PdfEndMarker
{
    private const int TailBytes = 1024;

    public static void EnsurePresent(string path)
    {
        using var stream = File.OpenRead(path);
        var tail = new byte[(int)Math.Min(TailBytes, stream.Length)];
        stream.Position = stream.Length - tail.Length;
        stream.ReadExactly(tail);
        if (tail.AsSpan().IndexOf("%%EOF"u8) < 0)
        {
            throw new InputValidationException("the PDF is truncated or damaged (it does not end with %%EOF); upload the complete file");
        }
    }
}
