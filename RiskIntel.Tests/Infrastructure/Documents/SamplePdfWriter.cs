using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RiskIntel.Core.Reports.Fonts;

namespace RiskIntel.Tests.Infrastructure.Documents;

/// <summary>Extra content for a sample PDF: a PNG photo per page (by page number) to reach a realistic size, or a last edit.</summary>
public sealed record SamplePdfOptions(Func<int, byte[]>? PagePhoto = null, Action<PdfDocument>? BeforeSave = null);

/// <summary>
/// Writes a <see cref="SampleDocument"/> as an A4 PDF with PDFsharp and the embedded Roboto fonts: headings
/// (bookmarked, nested by level), wrapped paragraphs, ruled tables, page breaks and document information.
/// Dates are fixed; only the trailer /ID (random in PDFsharp) differs between two writes of one description.
/// </summary>
public static class SamplePdfWriter
{
    private const double Margin = 56;
    private static readonly DateTime FixedDate = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    public static byte[] Write(SampleDocument sample, SamplePdfOptions? options = null)
    {
        ReportFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = sample.Title;
        document.Info.Author = sample.Author ?? "";
        document.Info.CreationDate = FixedDate;
        document.Info.ModificationDate = FixedDate;
        new Layout(document, options?.PagePhoto).Render(sample);
        options?.BeforeSave?.Invoke(document);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private sealed class Layout(PdfDocument document, Func<int, byte[]>? photo)
    {
        private readonly XFont _body = new(ReportFonts.Family, 10.5);
        private readonly List<PdfOutlineCollection> _outlineLevels = [];
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        public void Render(SampleDocument sample)
        {
            NewPage();
            foreach (var block in sample.Blocks)
            {
                switch (block)
                {
                    case SampleHeading h:
                        Heading(h);
                        break;
                    case SampleParagraph p:
                        Lines(p.Text, _body, 14.5);
                        _y += 7;
                        break;
                    case SampleTable t:
                        Table(t);
                        break;
                    case SamplePageBreak:
                        NewPage();
                        break;
                }
            }

            _graphics?.Dispose();
        }

        private double Bottom => _page!.Height.Point - Margin;

        private double Width => _page!.Width.Point - (2 * Margin);

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            if (photo is not null)
            {
                using var stream = new MemoryStream(photo(document.PageCount));
                using var picture = XImage.FromStream(stream);
                _graphics.DrawImage(picture, _page.Width.Point - Margin - 60, _page.Height.Point - Margin + 8, 60, 40);
            }
        }

        private void Heading(SampleHeading heading)
        {
            var font = new XFont(ReportFonts.Family, heading.Level switch { 1 => 20, 2 => 15, _ => 12.5 }, XFontStyleEx.Bold);
            if (_y + 60 > Bottom)
            {
                NewPage();
            }

            _y += heading.Level == 1 ? 6 : 10;
            var level = Math.Clamp(heading.Level, 1, _outlineLevels.Count + 1);
            var parent = level == 1 ? document.Outlines : _outlineLevels[level - 2];
            var entry = parent.Add(heading.Text, _page!, true);
            _outlineLevels.RemoveRange(level - 1, _outlineLevels.Count - (level - 1));
            _outlineLevels.Add(entry.Outlines);
            Lines(heading.Text, font, font.Size * 1.35);
            _y += 4;
        }

        private void Lines(string text, XFont font, double lineHeight)
        {
            foreach (var line in Wrap(text, font, Width))
            {
                if (_y + lineHeight > Bottom)
                {
                    NewPage();
                }

                _graphics!.DrawString(line, font, XBrushes.Black, Margin, _y + (lineHeight * 0.75));
                _y += lineHeight;
            }
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _graphics!.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    candidate = word;
                }

                line = candidate;
            }

            if (line.Length > 0)
            {
                yield return line;
            }
        }

        private void Table(SampleTable table)
        {
            const double rowHeight = 18;
            var columnWidth = Width / table.Rows.Max(r => r.Length);
            var header = new XFont(ReportFonts.Family, 10, XFontStyleEx.Bold);
            var cellFont = new XFont(ReportFonts.Family, 10);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                if (_y + rowHeight > Bottom)
                {
                    NewPage();
                }

                for (var c = 0; c < table.Rows[r].Length; c++)
                {
                    var x = Margin + (c * columnWidth);
                    _graphics!.DrawRectangle(XPens.Gray, x, _y, columnWidth, rowHeight);
                    _graphics.DrawString(table.Rows[r][c], r == 0 ? header : cellFont, XBrushes.Black, x + 5, _y + 12.5);
                }

                _y += rowHeight;
            }

            _y += 10;
        }
    }
}
