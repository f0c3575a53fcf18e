using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Drawing;
using RiskIntel.Core.Reports.Pdf.Layout;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Sections;

/// <summary>
/// The table of contents: one clickable line per chapter with its page number. Laid out before the pages are known
/// with placeholder numbers and again after, so the numbers are those the headings really landed on.
/// </summary>
internal static class ContentsSection
{
    private const double LineHeight = 24;
    private static readonly TextStyle Title = new(10.5, FontFace.Medium, Ink);
    private static readonly TextStyle Number = new(10.5, FontFace.Bold, Accent);
    private static readonly TextStyle PageNumber = new(10.5, FontFace.Medium, Ink);

    public static IReadOnlyList<IFlowBlock> Build(IReadOnlyList<TocEntry> entries, IReadOnlyDictionary<string, int>? pages)
    {
        var blocks = new List<IFlowBlock>
        {
            new ParagraphBlock([new TextRun("Contents", H1)], new FlowOptions(SpaceAfter: 4, KeepWithNext: true)),
            new FixedBlock(18, (context, area) => context.Line(Navy, 1.6, area.Left, area.Top + 5, area.Left + 40, area.Top + 5)),
        };
        blocks.AddRange(entries.Select(e => Line(e, pages?.GetValueOrDefault(e.Anchor) ?? 0)));
        return blocks;
    }

    private static FixedBlock Line(TocEntry entry, int page) => new(LineHeight, (context, area) =>
    {
        var baseline = area.Top + 15;
        var indent = entry.Category is null ? 0 : 22;
        var left = area.Left + indent;
        context.DrawText(Format(entry.Number), Number, left, baseline);
        context.DrawText(entry.Title, Title, left + 24, baseline);
        var end = left + 24 + context.Text.Width(entry.Title, Title) + 8;
        if (entry.Category is { } category)
        {
            var score = ChartFormat.Score(category.Score);
            context.DrawText(score, CellStrong, end, baseline);
            end += context.Text.Width(score, CellStrong) + 5;
            var badge = new LevelBadge(category.Level, 6.5, context.Text);
            badge.Draw(context, end, baseline - 9);
            end += badge.Width + 8;
        }

        var number = page > 0 ? Format(page) : "000";
        var numberWidth = context.Text.Width(number, PageNumber);
        var dots = new XPen(Rule, 1) { DashStyle = XDashStyle.Dot };
        context.Graphics.DrawLine(dots, end, baseline - 1, area.Right - numberWidth - 6, baseline - 1);
        context.DrawText(number, PageNumber, area.Right - numberWidth, baseline);
        if (page > 0)
        {
            var link = context.Graphics.Transformer.WorldToDefaultPage(new XRect(area.Left, area.Top, area.Width, area.Height));
            context.Page.AddDocumentLink(new PdfRectangle(link), page);
        }
    });
}
