using RiskIntel.Core.Reports.Pdf.Layout;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Sections;

/// <summary>The recurring pieces of the report's flow: chapter headings, sub-headings, prose.</summary>
internal static class Blocks
{
    /// <summary>A numbered chapter on a new page, anchored for the table of contents, with a rule under it.</summary>
    public static IEnumerable<IFlowBlock> Chapter(TocEntry entry)
    {
        yield return new ParagraphBlock(
            [new TextRun(Format(entry.Number) + "   ", H1Number), new TextRun(entry.Title, H1)],
            new FlowOptions(KeepWithNext: true, PageBreakBefore: true, Anchor: entry.Anchor));
        yield return new FixedBlock(
            14,
            (context, area) =>
            {
                context.Line(Navy, 1.6, area.Left, area.Top + 5, area.Left + 40, area.Top + 5);
                context.Line(Rule, 0.6, area.Left + 40, area.Top + 5, area.Right, area.Top + 5);
            },
            new FlowOptions(KeepWithNext: true));
    }

    public static IFlowBlock Heading(string title) =>
        new ParagraphBlock([new TextRun(title, H2)], new FlowOptions(SpaceBefore: 16, SpaceAfter: 6, KeepWithNext: true));

    /// <summary>Plain text as paragraphs: a blank line starts a new paragraph, a single line break is kept.</summary>
    public static IEnumerable<IFlowBlock> Prose(string text, TextStyle? style = null)
    {
        var paragraphs = text.ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return paragraphs.Select(p => new ParagraphBlock([new TextRun(p, style ?? Body)], new FlowOptions(SpaceAfter: 6)));
    }

    public static IFlowBlock Note(string text, double spaceBefore = 0) =>
        new ParagraphBlock([new TextRun(text, Small)], new FlowOptions(SpaceBefore: spaceBefore, SpaceAfter: 6));
}

/// <summary>A chapter as the table of contents lists it; categories also show their score.</summary>
internal sealed record TocEntry(int Number, string Title, string Anchor, Analysis.CategoryScore? Category = null);
