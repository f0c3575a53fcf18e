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
    private static readonly TextStyle Figure = new(24, FontFace.Bold, Navy);

    public static IEnumerable<IFlowBlock> Build(ReportModel model, CategoryScore category, CategoryBars bars, TocEntry entry)
    {
        foreach (var block in Blocks.Chapter(entry))
        {
            yield return block;
        }

        yield return ScoreStrip(bars);
        yield return Blocks.Heading("Subcategory scores");
        yield return BarsDrawing.Block(bars);
        yield return Blocks.Heading("Assessment");
        foreach (var block in Blocks.Prose(model.NarrativeFor(category)))
        {
            yield return block;
        }

        yield return Blocks.Heading("Evidence, drivers and mitigation");
        yield return EvidenceTable.Build(model, category);
    }

    private static FixedBlock ScoreStrip(CategoryBars bars) => new(46, (context, area) =>
    {
        context.Graphics.DrawRoundedRectangle(new XSolidBrush(Panel), area, new XSize(6, 6));
        context.FillRect(Level(bars.Level), new XRect(area.Left, area.Top + 8, 3, area.Height - 16));
        var score = ChartFormat.Score(bars.Score);
        context.DrawText(score, Figure, area.Left + 14, area.Top + 32);
        var x = area.Left + 14 + context.Text.Width(score, Figure);
        context.DrawText("/ 100", Small, x + 4, area.Top + 32);
        new LevelBadge(bars.Level, 7.5, context.Text).Draw(context, x + 34, area.Top + 17);

        var ordered = bars.Bars.OrderByDescending(b => b.Score).ToList();
        if (ordered.Count > 0)
        {
            var (highest, lowest) = (ordered[0], ordered[^1]);
            var left = area.Left + 190;
            var width = area.Right - left - 12;
            context.DrawText(context.Text.Fit($"Mean of {Format(bars.Bars.Count)} subcategory scores", Small, width), Small, left, area.Top + 18);
            var detail = $"Highest: {highest.Name} {ChartFormat.Score(highest.Score)} · Lowest: {lowest.Name} {ChartFormat.Score(lowest.Score)}";
            context.DrawText(context.Text.Fit(detail, Cell, width), Cell, left, area.Top + 32);
        }
    }, new FlowOptions(SpaceAfter: 2));
}
