using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace RiskIntel.Tests.Core.Reports.Pdf;

/// <summary>Reading a rendered report back with PdfPig, and comparing text without regard to where lines wrapped.</summary>
internal static partial class PdfReading
{
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PigDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    public static string AllText(byte[] pdf) => Squash(string.Concat(PageTexts(pdf)));

    public static string Squash(string text) => Whitespace().Replace(text, "");

    /// <summary>The text set in <paramref name="size"/> points on a page, e.g. its chapter heading, without spaces.</summary>
    public static string TextOfSize(Page page, double size) =>
        Squash(string.Concat(page.Letters.Where(l => Math.Abs(l.PointSize - size) < 0.1).Select(l => l.Value)));

    /// <summary>The words of a page grouped into lines by baseline, top line first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Lines(Page page) =>
        page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom / 2))
            .OrderByDescending(g => g.Key)
            .Select(g => (IReadOnlyList<string>)g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text).ToList())
            .ToList();

    /// <summary>Whether every font a page uses is embedded: its descriptor carries a font file.</summary>
    public static IReadOnlyList<(string Name, bool Embedded)> Fonts(PigDocument document, Page page)
    {
        var resources = Resolve<DictionaryToken>(document, page.Dictionary.Data["Resources"]);
        var fonts = Resolve<DictionaryToken>(document, resources.Data["Font"]);
        return fonts.Data.Values.Select(f =>
        {
            var font = Resolve<DictionaryToken>(document, f);
            var name = Resolve<NameToken>(document, font.Data["BaseFont"]).Data;
            var descendant = font.Data.TryGetValue("DescendantFonts", out var d)
                ? Resolve<DictionaryToken>(document, Resolve<ArrayToken>(document, d).Data[0])
                : font;
            var descriptor = Resolve<DictionaryToken>(document, descendant.Data["FontDescriptor"]);
            var embedded = new[] { "FontFile", "FontFile2", "FontFile3" }.Any(descriptor.Data.ContainsKey);
            return (name, embedded);
        }).ToList();
    }

    /// <summary>Writes the PDF to $REPORT_PDF_DUMP/name.pdf when that variable is set, for looking at it by eye.</summary>
    public static void Dump(byte[] pdf, string name)
    {
        var folder = Environment.GetEnvironmentVariable("REPORT_PDF_DUMP");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), pdf);
        }
    }

    private static T Resolve<T>(PigDocument document, IToken token)
        where T : IToken
    {
        while (token is IndirectReferenceToken reference)
        {
            token = document.Structure.GetObject(reference.Data).Data;
        }

        return (T)token;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
