using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RiskIntel.Core.Reports.Fonts;

namespace RiskIntel.Tests.Infrastructure.Documents;

/// <summary>Lays the blocks of a <see cref="SampleDocument"/> out on A4 pages, top to bottom, for <see cref="SamplePdfWriter"/>.</summary>
internal sealed class SamplePdfLayout(PdfDocument document, SamplePdfOptions options)
{
    public const double Margin = 56;
    public static readonly XColor Accent = XColor.FromArgb(31, 94, 59);
    public static readonly XColor Ink = XColor.FromArgb(33, 37, 41);

    private readonly XFont _body = new(ReportFonts.Family, 10.5);
    private readonly List<PdfOutlineCollection> _outlineLevels = [];
    private XBrush Text => options.Finished ? new XSolidBrush(Ink) : XBrushes.Black;

    public XGraphics Graphics { get; private set; } = default!;

    public double Y { get; set; }

    public double Bottom => Page.Height.Point - Margin;

    public double Width => Page.Width.Point - (2 * Margin);

    private PdfPage Page { get; set; } = default!;

    public void Render(SampleDocument sample)
    {
        NewPage();
        var blocks = sample.Blocks;
        var start = options.Finished ? SamplePdfTitleBlock.Draw(this, blocks) : 0;
        foreach (var block in blocks.Skip(start))
        {
            switch (block)
            {
                case SampleHeading h:
                    Heading(h);
                    break;
                case SampleParagraph p:
                    Lines(p.Text, _body, 14.5, Margin);
                    Y += 7;
                    break;
                case SampleList l:
                    List(l);
                    break;
                case SampleTable t:
                    new SamplePdfTable(this, t, options.Finished).Draw();
                    break;
                case SamplePageBreak:
                    NewPage();
                    break;
            }
        }

        Graphics.Dispose();
        if (options.Finished)
        {
            PageNumbers();
        }
    }

    public void NewPage()
    {
        Graphics?.Dispose();
        Page = document.AddPage();
        Page.Size = PdfSharp.PageSize.A4;
        Graphics = XGraphics.FromPdfPage(Page);
        Y = Margin;
        if (options.PagePhoto is { } photo)
        {
            using var stream = new MemoryStream(photo(document.PageCount));
            using var picture = XImage.FromStream(stream);
            Graphics.DrawImage(picture, Page.Width.Point - Margin - 60, Page.Height.Point - Margin + 8, 60, 40);
        }
    }

    /// <summary>Writes <paramref name="text"/> wrapped to the width left of <paramref name="left"/>, breaking pages as needed.</summary>
    public void Lines(string text, XFont font, double lineHeight, double left, XBrush? brush = null)
    {
        foreach (var line in Wrap(text, font, Page.Width.Point - Margin - left))
        {
            if (Y + lineHeight > Bottom)
            {
                NewPage();
            }

            Graphics.DrawString(line, font, brush ?? Text, left, Y + (lineHeight * 0.75));
            Y += lineHeight;
        }
    }

    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
            {
                lines.Add(line);
                candidate = word;
            }

            line = candidate;
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    private void Heading(SampleHeading heading)
    {
        var size = heading.Level switch { 1 => 20, 2 => options.Finished ? 14 : 15, _ => options.Finished ? 11.5 : 12.5 };
        var font = new XFont(ReportFonts.Family, size, XFontStyleEx.Bold);
        if (Y + 60 > Bottom)
        {
            NewPage();
        }

        Y += options.Finished && Y <= Margin ? 0 : heading.Level == 1 ? 6 : 10;
        Bookmark(heading);
        var colour = options.Finished && heading.Level <= 2 ? new XSolidBrush(Accent) : null;
        Lines(heading.Text, font, font.Size * 1.35, Margin, colour);
        if (options.Finished && heading.Level <= 2)
        {
            Graphics.DrawLine(new XPen(Accent, 0.6), Margin, Y + 1, Margin + Width, Y + 1);
            Y += 4;
        }

        Y += 4;
    }

    /// <summary>A bookmark to the current page, nested under the last heading of a higher level.</summary>
    public void Bookmark(SampleHeading heading)
    {
        var level = Math.Clamp(heading.Level, 1, _outlineLevels.Count + 1);
        var parent = level == 1 ? document.Outlines : _outlineLevels[level - 2];
        var entry = parent.Add(heading.Text, Page, true);
        _outlineLevels.RemoveRange(level - 1, _outlineLevels.Count - (level - 1));
        _outlineLevels.Add(entry.Outlines);
    }

    private void List(SampleList list)
    {
        const double lineHeight = 14.5;
        foreach (var item in list.Items)
        {
            if (Y + lineHeight > Bottom)
            {
                NewPage();
            }

            Graphics.DrawString("•", _body, options.Finished ? new XSolidBrush(Accent) : Text, Margin + 6, Y + (lineHeight * 0.75));
            Lines(item, _body, lineHeight, Margin + 20);
            Y += 2;
        }

        Y += 6;
    }

    private void PageNumbers()
    {
        var font = new XFont(ReportFonts.Family, 8.5);
        var brush = new XSolidBrush(XColor.FromArgb(108, 117, 125));
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var label = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Page {i + 1} of {document.PageCount}");
            var y = page.Height.Point - (Margin / 2);
            graphics.DrawLine(new XPen(XColor.FromArgb(206, 212, 218), 0.5), Margin, y - 12, page.Width.Point - Margin, y - 12);
            graphics.DrawString(label, font, brush, page.Width.Point - Margin - graphics.MeasureString(label, font).Width, y);
        }
    }
}
