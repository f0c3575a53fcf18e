using System.Globalization;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Reports.Pdf.Layout.Tables;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Sections;

/// <summary>The appendix: method, score scale, versions and provenance, and the documents with their SHA-256.</summary>
internal static class AppendixSection
{
    private static readonly TableSpec Facts = new([new("", 1.6), new("", 4.4)], Table, ShowHeader: false);
    private static readonly TableSpec Documents = new([new("File", 2.1), new("Pages", 0.6, Align.Right), new("SHA-256", 3.9)], Table);

    public static IEnumerable<IFlowBlock> Build(ReportModel model, TocEntry entry)
    {
        foreach (var block in Blocks.Chapter(entry))
        {
            yield return block;
        }

        yield return Blocks.Heading("Method");
        foreach (var block in Blocks.Prose(model.Method))
        {
            yield return block;
        }

        yield return Blocks.Heading("Score scale");
        yield return ScaleKey();
        yield return new ParagraphBlock([new TextRun(ScaleText, Body)], new FlowOptions(SpaceAfter: 6));
        yield return Blocks.Heading("Versions and provenance");
        yield return new TableBlock(Facts, Provenance(model).Select(f => new TableRow([TableCell.Text(f.Key, CellStrong), TableCell.Text(f.Value, Cell)])).ToList());
        yield return Blocks.Heading("Documents analysed");
        yield return new TableBlock(Documents, model.Documents.Select(d => new TableRow(
        [
            TableCell.Text(d.FileName, CellStrong),
            TableCell.Text(Format(d.Pages), Cell),
            TableCell.Text(d.Sha256, CellNote with { Color = Ink }),
        ])).ToList());
    }

    private const string ScaleText =
        "Scores run from 0 to 100; higher is riskier. A category's score is the mean of its five subcategory scores; "
        + "the overall score is the mean of the seven category scores.";

    private static FixedBlock ScaleKey() => new(24, (context, area) =>
    {
        var x = area.Left;
        foreach (var (level, range) in Drawing.RadarDrawing.LevelRanges)
        {
            var badge = new Drawing.LevelBadge(level, 7.4, context.Text);
            badge.Draw(context, x, area.Top + 2);
            context.DrawText(range, CellStrong, x + badge.Width + 6, area.Top + 12.5);
            x += badge.Width + 6 + context.Text.Width(range, CellStrong) + 26;
        }
    }, new FlowOptions(SpaceAfter: 4));

    private static IEnumerable<KeyValuePair<string, string>> Provenance(ReportModel model)
    {
        var (analysis, narrative) = (model.Provenance.Analysis, model.Provenance.Narrative);
        yield return new("Report version", Format(model.ReportVersion));
        yield return new("Analysis version", Format(model.AnalysisVersion));
        yield return new("Analysis id", model.Analysis.AnalysisId.ToString("D", CultureInfo.InvariantCulture));
        yield return new("Generated", Dates.Utc(model.GeneratedAt));
        yield return new("Analysis engine", analysis.Engine);
        yield return new("Analysis model", analysis.Model);
        yield return new("Analysis prompt", analysis.Prompt?.ToString() ?? "none (rule-based)");
        yield return new("Narrative engine", narrative.Engine);
        yield return new("Narrative model", narrative.Model);
        yield return new("Narrative prompt", narrative.Prompt?.ToString() ?? "none (extractive)");
    }
}

internal static class Dates
{
    public static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
