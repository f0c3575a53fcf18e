using System.Globalization;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Reports.Pdf.Layout.Tables;
using RiskIntel.Core.Risk;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Sections;

/// <summary>
/// The subcategory table of a category chapter: score and level, the verbatim evidence with its page, the analyst's
/// correction, the drivers that moved the score, and the mitigation.
/// </summary>
internal static class EvidenceTable
{
    private static readonly TableSpec Spec = new(
        [new("Subcategory", 1.35), new("Score", 0.52, Align.Right), new("Evidence and drivers", 3.75), new("Mitigation", 2.0)],
        Table);

    public static TableBlock Build(ReportModel model, CategoryScore category) =>
        new(Spec, category.Subcategories.Select(s => Row(model, s)).ToList());

    private static TableRow Row(ReportModel model, SubcategoryScore sub) => new(
    [
        new TableCell([new CellText([new TextRun(sub.Name, CellStrong)], 3), Cells.Badge(sub.Level).Items[0]]),
        TableCell.Text(ChartFormat.Score(sub.Score), CellStrong),
        new TableCell(Evidence(model, sub).ToList()),
        TableCell.Text(sub.Mitigation, Cell),
    ]);

    private static IEnumerable<CellItem> Evidence(ReportModel model, SubcategoryScore sub)
    {
        foreach (var evidence in DocumentEvidence.Of(sub))
        {
            yield return new CellText([new TextRun("“" + evidence.Quote.Trim() + "”", Quote), new TextRun(Source(model, evidence), CellNoteStrong)], 4);
        }

        if (!string.IsNullOrWhiteSpace(sub.Correction))
        {
            yield return new CellText([new TextRun("Analyst correction: ", CellNoteStrong with { Color = Accent }), new TextRun(sub.Correction, Cell)], 4);
        }

        if (sub.Evidence.Count == 0 && string.IsNullOrWhiteSpace(sub.Correction))
        {
            yield return new CellText([new TextRun("No verbatim evidence in the documents.", CellNote with { Face = FontFace.Italic })], 4);
        }

        if (sub.Drivers.Count > 0)
        {
            // One wrapping line of drivers rather than a line each: rows stay short enough to keep a category on a page.
            var runs = new List<TextRun> { new("Drivers  ", CellNoteStrong) };
            foreach (var driver in sub.Drivers)
            {
                if (runs.Count > 1)
                {
                    runs.Add(new TextRun("\u00A0·  ", CellNote));
                }

                var colour = driver.Effect > 0 ? Level(RiskLevel.Critical) : Level(RiskLevel.Low);
                runs.Add(new TextRun(Effect(driver.Effect) + "\u00A0", CellNoteStrong with { Color = colour }));
                runs.Add(new TextRun(driver.Description ?? driver.Rule, CellNote));
            }

            yield return new CellText(runs);
        }
    }

    // "p. 12", and with more than one document also which one, so the quote can be found again.
    private static string Source(ReportModel model, Evidence evidence)
    {
        var parts = new List<string>();
        if (evidence.Page is { } page)
        {
            parts.Add("p.\u00A0" + page.ToString(CultureInfo.InvariantCulture));
        }

        if (model.Documents.Count > 1 && model.Documents.FirstOrDefault(d => d.Id == evidence.DocumentId) is { } document)
        {
            parts.Add(document.FileName);
        }

        // No-break spaces keep "p. 12 ·" together, so a wrapped source line never starts with the dot.
        return parts.Count == 0 ? "" : "  " + string.Join("\u00A0· ", parts);
    }

    private static string Effect(double effect) =>
        (effect > 0 ? "+" : effect < 0 ? "−" : "±") + Math.Abs(effect).ToString("0.#", CultureInfo.InvariantCulture);
}
