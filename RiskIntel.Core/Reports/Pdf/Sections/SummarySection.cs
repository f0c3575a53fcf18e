using RiskIntel.Core.Analysis;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Drawing;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Reports.Pdf.Layout.Tables;
using RiskIntel.Core.Risk;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Sections;

/// <summary>Chapter 1: the key figures at a glance, the executive summary, and the highest-rated subcategories.</summary>
internal static class SummarySection
{
    private const int TopCount = 5;

    public static IEnumerable<IFlowBlock> Build(ReportModel model, TocEntry entry)
    {
        foreach (var block in Blocks.Chapter(entry))
        {
            yield return block;
        }

        yield return KeyFigures.Block(model);
        foreach (var block in Blocks.Prose(model.ExecutiveSummary))
        {
            yield return block;
        }

        yield return Blocks.Heading("Highest-rated subcategories");
        yield return new TableBlock(
            new TableSpec([new("Subcategory", 2.2), new("Category", 2), new("Score", 0.7, Align.Right), new("Level", 1)], Table),
            Top(model.Analysis).Select(Row).ToList());
    }

    private static IEnumerable<(CategoryScore Category, SubcategoryScore Sub)> Top(RiskAnalysisResult analysis) =>
        analysis.Scores.SelectMany(c => c.Subcategories.Select(s => (c, s)))
            .OrderByDescending(p => p.s.Score)
            .Take(TopCount);

    private static TableRow Row((CategoryScore Category, SubcategoryScore Sub) item, int index) => new(
    [
        TableCell.Text(item.Sub.Name, CellStrong),
        TableCell.Text(RiskTaxonomy.FindCategory(item.Category.Category)?.Label ?? item.Category.Category, Cell),
        TableCell.Text(ChartFormat.Score(item.Sub.Score), CellStrong),
        Cells.Badge(item.Sub.Level),
    ]);
}
