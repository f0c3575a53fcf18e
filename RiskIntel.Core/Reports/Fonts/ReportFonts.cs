using System.Reflection;
using PdfSharp.Fonts;

namespace RiskIntel.Core.Reports.Fonts;

/// <summary>
/// The fonts PDFs are written with: Roboto (Apache-2.0), shipped inside the assembly and embedded in every
/// PDF, so output is the same on every machine (PDFsharp finds no system fonts on Linux).
/// </summary>
public static class ReportFonts
{
    public const string Family = "Roboto";
    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process; PDFsharp's font settings are global.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedRobotoResolver)
            {
                GlobalFontSettings.FontResolver = new EmbeddedRobotoResolver();
            }
        }
    }

    private sealed class EmbeddedRobotoResolver : IFontResolver
    {
        private static readonly Assembly Assembly = typeof(ReportFonts).Assembly;

        // Every family maps to Roboto: PDFsharp asks by name, and user text must never fail to render.
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => (bold, italic) switch
        {
            (true, true) => new("Roboto-BoldItalic"),
            (true, false) => new("Roboto-Bold"),
            (false, true) => new("Roboto-Italic"),
            _ => string.Equals(familyName, "Roboto Medium", StringComparison.OrdinalIgnoreCase) ? new("Roboto-Medium") : new("Roboto-Regular"),
        };

        public byte[] GetFont(string faceName)
        {
            using var stream = Assembly.GetManifestResourceStream($"RiskIntel.Core.Reports.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"The font {faceName} is not embedded in RiskIntel.Core.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
