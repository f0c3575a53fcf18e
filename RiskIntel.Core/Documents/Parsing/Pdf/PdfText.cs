using System.Text;

namespace RiskIntel.Core.Documents.Parsing.Pdf;

/// <summary>Normalises extracted PDF text: ligature glyphs spelled out (as pdftotext does), control characters dropped.</summary>
internal static class PdfText
{
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\uFB00' and <= '\uFB06')
            {
                builder.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else if (!char.IsControl(c) || c is '\n' or '\t')
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
