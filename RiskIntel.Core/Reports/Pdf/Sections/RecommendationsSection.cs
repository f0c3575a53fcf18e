using RiskIntel.Core.Analysis;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Reports.Pdf.Layout.Tables;
using RiskIntel.Core.Risk;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Sections;

/// <summary>The recommendations grouped by priority, HIGH first; an analyst's edit is marked as such.</summary>
internal static class RecommendationsSection
{
    private static readonly TableSpec Spec = new([new("#", 0.35, Align.Right), new("Category", 1.75), new("Recommendation", 5.2)], Table);

    public static IEnumerable<IFlowBlock> Build(ReportModel model, TocEntry entry)
    {
        foreach (var block in Blocks.Chapter(entry))
        {
            yield return block;
        }

        var all = model.Recommendations;
        var edited = all.Count(r => r.Edited);
        yield return Blocks.Note(all.Count == 0
            ? "The analysis made no recommendations."
            : $"{Format(all.Count)} recommendations, {Format(edited)} of them edited by an analyst. Within a priority they follow the category order.");

        var number = 0;
        foreach (var priority in new[] { RecommendationPriority.High, RecommendationPriority.Medium, RecommendationPriority.Low })
        {
            var group = all.Where(r => r.Priority == priority).OrderBy(r => CategoryIndex(r.Category)).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            var label = priority.ToString().ToUpperInvariant();
            yield return new ParagraphBlock(
                [new TextRun(label, H2 with { Color = Priority(priority) }), new TextRun($" priority · {Format(group.Count)}", H2)],
                new FlowOptions(SpaceBefore: 16, SpaceAfter: 6, KeepWithNext: true));
            yield return new TableBlock(Spec, group.Select(r => Row(r, ++number)).ToList());
        }
    }

    private static TableRow Row(ReportRecommendation recommendation, int number)
    {
        var text = new List<CellItem> { new CellText([new TextRun(recommendation.Text, Cell)], 2) };
        if (recommendation.Edited)
        {
            text.Add(new CellText([new TextRun("Edited by an analyst", CellNote with { Face = FontFace.Italic })]));
        }

        return new TableRow(
        [
            TableCell.Text(Format(number), CellStrong),
            TableCell.Text(RiskTaxonomy.FindCategory(recommendation.Category)?.Label ?? recommendation.Category, CellStrong),
            new TableCell(text),
        ]);
    }

    private static int CategoryIndex(string key)
    {
        var index = RiskTaxonomy.Categories.ToList().FindIndex(c => c.Key == key);
        return index < 0 ? int.MaxValue : index;
    }
}
