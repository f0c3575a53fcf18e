using PdfSharp.Drawing;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Drawing;
using RiskIntel.Core.Reports.Pdf.Layout;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Sections;

/// <summary>One chapter per category: its score, the subcategory bars, the narrative, then evidence, drivers and mitigation.</summary>
internal static class CategorySection
{
    private static readonly TextStyle Figure = new(26, FontFace.Bold, Navy);
    private static readonly TextStyle Caption = new(7.4, FontFace.Medium, Muted);

    public static IEnumerable<IFlowBlock> Build(ReportModel model, CategoryScore category, CategoryBars bars, TocEntry entry)
    {
        foreach (var block in Blocks.Chapter(entry))
        {
            yield return block;
        }

        yield return Overview(bars);
        yield return Blocks.Heading("Assessment");
        foreach (var block in Blocks.Prose(model.NarrativeFor(category)))
        {
            yield return block;
        }

        yield return Blocks.Heading("Evidence, drivers and mitigation");
        yield return EvidenceTable.Build(model, category);
    }

    // The score on the left, the subcategory bars on the right: one panel says how the category scores and why.
    private static FixedBlock Overview(CategoryBars bars) => new(BarsDrawing.Height(bars) + 24, (context, area) =>
    {
        context.Graphics.DrawRoundedRectangle(new XSolidBrush(Panel), area, new XSize(6, 6));
        context.FillRect(Level(bars.Level), new XRect(area.Left, area.Top + 10, 3, area.Height - 20));
        var left = area.Left + 16;
        context.DrawText("CATEGORY SCORE", Caption, left, area.Top + 22);
        var score = ChartFormat.Score(bars.Score);
        context.DrawText(score, Figure, left, area.Top + 54);
        context.DrawText("/ 100", Small, left + context.Text.Width(score, Figure) + 4, area.Top + 54);
        new LevelBadge(bars.Level, 7.5, context.Text).Draw(context, left, area.Top + 62);
        context.DrawText($"Mean of {Format(bars.Bars.Count)} subcategories", Small, left, area.Top + 96);
        context.Line(Rule, 0.8, area.Left + 140, area.Top + 12, area.Left + 140, area.Bottom - 12);
        BarsDrawing.Draw(context, new XRect(area.Left + 150, area.Top + 12, area.Width - 160, BarsDrawing.Height(bars)), bars);
    }, new FlowOptions(SpaceAfter: 2));
}
