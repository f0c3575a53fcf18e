using RiskIntel.Core.Analysis;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Drawing;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Reports.Pdf.Layout.Tables;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Sections;

/// <summary>Chapter 2: the overall profile text, the radar of the 7 categories, and their scores in a table.</summary>
internal static class ProfileSection
{
    public static IEnumerable<IFlowBlock> Build(ReportModel model, RiskChart chart, TocEntry entry)
    {
        foreach (var block in Blocks.Chapter(entry))
        {
            yield return block;
        }

        foreach (var block in Blocks.Prose(model.OverallProfile))
        {
            yield return block;
        }

        yield return Blocks.Heading("Risk radar");
        yield return RadarDrawing.Block(chart.Radar);
        yield return Blocks.Heading("Category scores");
        yield return new TableBlock(
            new TableSpec([new("Category", 2), new("Score", 0.7, Align.Right), new("Level", 1), new("Highest-rated subcategory", 2.6)], Table),
            chart.Categories.Select(c => Row(c, model.Analysis)).ToList());
        yield return Blocks.Note("Category score: the mean of its five subcategory scores. Overall score: the mean of the seven category scores.", 6);
    }

    private static TableRow Row(CategoryBars category, RiskAnalysisResult analysis)
    {
        var highest = category.Bars.OrderByDescending(b => b.Score).FirstOrDefault();
        var highestCell = highest is null
            ? TableCell.Empty
            : new TableCell([new CellText([new TextRun(highest.Name + "  ", Cell), new TextRun(ChartFormat.Score(highest.Score), CellStrong with { Color = Level(highest.Level) })])]);
        return new TableRow(
        [
            TableCell.Text(category.Label, CellStrong),
            TableCell.Text(ChartFormat.Score(category.Score), CellStrong),
            Cells.Badge(category.Level),
            highestCell,
        ]);
    }
}
