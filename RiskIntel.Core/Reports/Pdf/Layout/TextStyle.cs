using PdfSharp.Drawing;

namespace RiskIntel.Core.Reports.Pdf.Layout;

internal enum FontFace
{
    Regular,
    Medium,
    Bold,
    Italic,
    BoldItalic,
}

/// <summary>A font face at a size, in a colour; <paramref name="Leading"/> is the line height as a multiple of the size.</summary>
internal sealed record TextStyle(double Size, FontFace Face, XColor Color, double Leading = 1.32)
{
    public double LineHeight => Size * Leading;
}

/// <summary>A piece of text in one style; paragraphs and cells are sequences of runs.</summary>
internal sealed record TextRun(string Text, TextStyle Style);
