using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RiskIntel.Core.Reports.Fonts;

namespace RiskIntel.Tests.Infrastructure.Documents;

/// <summary>
/// Extra content for a sample PDF: a PNG photo per page (by page number) to reach a realistic size, a last edit, or
/// <paramref name="Finished"/>: the look of a plan a partner would send (title block, coloured headings, fitted
/// and shaded tables, "Page N of M" footers). Without it the layout stays plain, which the parser tests rely on.
/// </summary>
public sealed record SamplePdfOptions(Func<int, byte[]>? PagePhoto = null, Action<PdfDocument>? BeforeSave = null, bool Finished = false);

/// <summary>
/// Writes a <see cref="SampleDocument"/> as an A4 PDF with PDFsharp and the embedded Roboto fonts: headings
/// (bookmarked, nested by level), wrapped paragraphs, bullet lists, ruled tables, page breaks and document information.
/// Dates are fixed; only the trailer /ID (random in PDFsharp) differs between two writes of one description.
/// </summary>
public static class SamplePdfWriter
{
    private static readonly DateTime FixedDate = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    public static byte[] Write(SampleDocument sample, SamplePdfOptions? options = null)
    {
        ReportFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = sample.Title;
        document.Info.Author = sample.Author ?? "";
        document.Info.CreationDate = FixedDate;
        document.Info.ModificationDate = FixedDate;
        new SamplePdfLayout(document, options ?? new SamplePdfOptions()).Render(sample);
        options?.BeforeSave?.Invoke(document);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
