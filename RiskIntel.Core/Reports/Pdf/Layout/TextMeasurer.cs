using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RiskIntel.Core.Reports.Fonts;

namespace RiskIntel.Core.Reports.Pdf.Layout;

/// <summary>
/// Fonts and text widths for one rendering. Widths come from <see cref="XGraphics.MeasureString(string, XFont)"/> on a
/// measure context and are cached per face and size: reports repeat the same words thousands of times.
/// </summary>
internal sealed class TextMeasurer : IDisposable
{
    // Unicode (Identity-H with a ToUnicode map) for every string, so any script is shown and copies out as text.
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(PageGeometry.Width, PageGeometry.Height), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly Dictionary<(double Size, FontFace Face), XFont> _fonts = [];
    private readonly Dictionary<(double Size, FontFace Face, string Text), double> _widths = [];
    private readonly Dictionary<(double Size, FontFace Face), (double Ascent, double Descent)> _metrics = [];

    public XFont Font(TextStyle style)
    {
        var key = (style.Size, style.Face);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var (family, face) = style.Face switch
            {
                FontFace.Medium => (ReportFonts.Family + " Medium", XFontStyleEx.Regular),
                FontFace.Bold => (ReportFonts.Family, XFontStyleEx.Bold),
                FontFace.Italic => (ReportFonts.Family, XFontStyleEx.Italic),
                FontFace.BoldItalic => (ReportFonts.Family, XFontStyleEx.BoldItalic),
                _ => (ReportFonts.Family, XFontStyleEx.Regular),
            };
            font = new XFont(family, style.Size, face, Unicode);
            _fonts[key] = font;
        }

        return font;
    }

    public double Width(string text, TextStyle style)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var key = (style.Size, style.Face, text);
        if (!_widths.TryGetValue(key, out var width))
        {
            width = _measure.MeasureString(text, Font(style)).Width;
            _widths[key] = width;
        }

        return width;
    }

    /// <summary>The text itself when it fits <paramref name="width"/>, else its longest prefix that fits with "…".</summary>
    public string Fit(string text, TextStyle style, double width)
    {
        if (Width(text, style) <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 0 && Width(text[..length] + "…", style) > width)
        {
            length = Math.Max(0, length - Math.Max(1, length / 8));
        }

        return text[..length].TrimEnd() + "…";
    }

    /// <summary>Where the baseline sits below the top of a line of this style.</summary>
    public double Baseline(TextStyle style)
    {
        var key = (style.Size, style.Face);
        if (!_metrics.TryGetValue(key, out var m))
        {
            var metrics = Font(style).Metrics;
            m = (Math.Abs(metrics.Ascent) / (double)metrics.UnitsPerEm * style.Size, Math.Abs(metrics.Descent) / (double)metrics.UnitsPerEm * style.Size);
            _metrics[key] = m;
        }

        return ((style.LineHeight - m.Ascent - m.Descent) / 2) + m.Ascent;
    }

    public void Dispose() => _measure.Dispose();
}
