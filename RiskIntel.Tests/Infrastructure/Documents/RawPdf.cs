using System.IO.Compression;
using System.Text;

namespace RiskIntel.Tests.Infrastructure.Documents;

/// <summary>Hand-built one-page PDFs for inputs no PDF library would write (e.g. a decompression bomb).</summary>
public static class RawPdf
{
    /// <summary>A page whose content stream is <paramref name="content"/>, Flate-compressed when asked.</summary>
    public static byte[] OnePage(byte[] content, bool deflate)
    {
        var stream = deflate ? Deflate(content) : content;
        var filter = deflate ? "/Filter /FlateDecode " : "";
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            Concat(Ascii("<< " + filter + "/Length " + stream.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " >>\nstream\n"), stream, Ascii("\nendstream")),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        };
        using var output = new MemoryStream();
        output.Write(Ascii("%PDF-1.7\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Ascii($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write(Ascii("\nendobj\n"));
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Ascii(table.ToString()));
        return output.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
