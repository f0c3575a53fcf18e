using System.Globalization;
using PdfSharp.Drawing;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Reports.Pdf.Layout.Tables;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Reports.Pdf;

/// <summary>The report's colours and type scale, in one place.</summary>
internal static class ReportTheme
{
    public static readonly XColor Ink = Hex("#1F2933");
    public static readonly XColor Muted = Hex("#5F6B7A");
    public static readonly XColor Navy = Hex("#1F3A5F");
    public static readonly XColor Accent = Hex("#2E6DA4");
    public static readonly XColor Rule = Hex("#D5DCE4");
    public static readonly XColor Zebra = Hex("#F4F6F9");
    public static readonly XColor Panel = Hex("#EEF2F7");
    public static readonly XColor White = XColors.White;

    public static readonly TextStyle Body = new(9.5, FontFace.Regular, Ink, 1.45);
    public static readonly TextStyle Small = new(8, FontFace.Regular, Muted);
    public static readonly TextStyle H1 = new(18, FontFace.Bold, Navy, 1.25);
    public static readonly TextStyle H1Number = new(18, FontFace.Bold, Accent, 1.25);
    public static readonly TextStyle H2 = new(11.5, FontFace.Bold, Navy, 1.3);
    public static readonly TextStyle Cell = new(8.3, FontFace.Regular, Ink, 1.32);
    public static readonly TextStyle CellStrong = new(8.3, FontFace.Medium, Ink, 1.32);
    public static readonly TextStyle Quote = new(8.3, FontFace.Italic, Hex("#2B3540"), 1.32);
    public static readonly TextStyle CellNote = new(7.4, FontFace.Regular, Muted, 1.32);
    public static readonly TextStyle CellNoteStrong = new(7.4, FontFace.Medium, Muted, 1.32);

    public static readonly TableStyle Table = new(
        Header: new TextStyle(7.8, FontFace.Bold, White, 1.3),
        HeaderBackground: Navy,
        Zebra: Zebra,
        Rule: Rule,
        Continued: new TextStyle(7.4, FontFace.Italic, Muted));

    public static XColor Hex(string hex) => XColor.FromArgb(
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    public static XColor Level(RiskLevel level) => Hex(LevelPalette.For(level).Hex);

    public static XColor LevelTint(RiskLevel level) => Hex(LevelPalette.For(level).TintHex);

    public static XColor OnLevel(RiskLevel level) => Hex(LevelPalette.For(level).OnHex);

    public static XColor Priority(RecommendationPriority priority) => priority switch
    {
        RecommendationPriority.High => Level(RiskLevel.Critical),
        RecommendationPriority.Medium => Level(RiskLevel.Moderate),
        _ => Muted,
    };

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
