using PdfSharp.Drawing;
using RiskIntel.Core.Reports.Fonts;

namespace RiskIntel.Tests.Infrastructure.Documents;

/// <summary>
/// The title block of a finished sample: the leading level-1 heading (the organisation), a level-2 heading right
/// after it (the document's name) and the short paragraphs before the next heading (place, purpose), drawn as a
/// coloured band at the top of the first page.
/// </summary>
internal static class SamplePdfTitleBlock
{
    /// <summary>Draws the block and returns how many blocks it took (0 when the document does not start with a level-1 heading).</summary>
    public static int Draw(SamplePdfLayout layout, IReadOnlyList<SampleBlock> blocks)
    {
        if (blocks.Count == 0 || blocks[0] is not SampleHeading { Level: 1 } title)
        {
            return 0;
        }

        var used = 1;
        var subtitleHeading = blocks.Count > 1 && blocks[1] is SampleHeading { Level: 2 } s ? s : null;
        var subtitle = subtitleHeading?.Text;
        used += subtitle is null ? 0 : 1;
        layout.Bookmark(title);
        if (subtitleHeading is not null)
        {
            layout.Bookmark(subtitleHeading);
        }

        var lines = blocks.Skip(used).TakeWhile(b => b is SampleParagraph).Cast<SampleParagraph>().Select(p => p.Text).ToList();
        used += lines.Count;

        var graphics = layout.Graphics;
        var titleFont = new XFont(ReportFonts.Family, 19, XFontStyleEx.Bold);
        var subtitleFont = new XFont(ReportFonts.Family, 14);
        var lineFont = new XFont(ReportFonts.Family, 10.5);
        var titleLines = layout.Wrap(title.Text, titleFont, layout.Width - 32);
        var detailLines = lines.SelectMany(l => layout.Wrap(l, lineFont, layout.Width - 32)).ToList();
        var height = 20 + (titleLines.Count * 25) + (subtitle is null ? 0 : 24) + 8 + (detailLines.Count * 15) + 14;
        var top = layout.Y;
        graphics.DrawRectangle(new XSolidBrush(SamplePdfLayout.Accent), SamplePdfLayout.Margin, top, layout.Width, height);
        graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(201, 162, 39)), SamplePdfLayout.Margin, top + height, layout.Width, 3);
        var y = top + 20;
        var x = SamplePdfLayout.Margin + 16;
        foreach (var line in titleLines)
        {
            graphics.DrawString(line, titleFont, XBrushes.White, x, y + 18);
            y += 25;
        }

        if (subtitle is not null)
        {
            graphics.DrawString(subtitle, subtitleFont, XBrushes.White, x, y + 16);
            y += 24;
        }

        y += 8;
        var light = new XSolidBrush(XColor.FromArgb(226, 239, 231));
        foreach (var line in detailLines)
        {
            graphics.DrawString(line, lineFont, light, x, y + 11);
            y += 15;
        }

        layout.Y = top + height + 3 + 22;
        return used;
    }
}
