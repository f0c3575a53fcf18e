using PdfSharp.Drawing;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Drawing;
using RiskIntel.Core.Reports.Pdf.Layout;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Sections;

/// <summary>The cover: title, the organisation, the assessment facts, and the overall score with its level.</summary>
internal static class CoverPage
{
    private const double BandHeight = 330;
    private static readonly TextStyle Brand = new(9, FontFace.Bold, Hex("#9FB6D1"));
    private static readonly TextStyle Title = new(30, FontFace.Bold, White, 1.15);
    private static readonly TextStyle Assessment = new(12, FontFace.Regular, Hex("#C9D6E6"), 1.3);
    private static readonly TextStyle FactLabel = new(7.6, FontFace.Medium, Muted);
    private static readonly TextStyle FactValue = new(10.5, FontFace.Regular, Ink, 1.3);
    private static readonly TextStyle ScoreFigure = new(40, FontFace.Bold, Navy);

    public static FixedBlock Block(ReportModel model, RiskChart chart) => new(PageGeometry.Height, (context, page) => Draw(context, page, model, chart));

    private static void Draw(DrawContext context, XRect page, ReportModel model, RiskChart chart)
    {
        var left = PageGeometry.MarginX;
        var width = page.Width - (2 * left);
        context.FillRect(Navy, new XRect(0, 0, page.Width, BandHeight));
        context.FillRect(Accent, new XRect(0, BandHeight, page.Width, 4));
        context.DrawText("RISKINTEL  ·  CREDIT RISK ASSESSMENT", Brand, left, 64);
        context.DrawText("Risk assessment report", Title, left, 132);

        var y = Wrapped(context, model.Title.AssessmentName, Assessment, left, 160, width, 2);
        Company(context, model.Title.CompanyName, left, y + 22, width);

        Facts(context, model, left, BandHeight + 44, width * 0.55);
        Score(context, model, new XRect(left + (width * 0.6), BandHeight + 36, width * 0.4, 170));
        Categories(context, chart, left, BandHeight + 250, width);
    }

    private static void Categories(DrawContext context, RiskChart chart, double left, double top, double width)
    {
        context.DrawText("CATEGORY SCORES", FactLabel, left, top);
        context.Line(Rule, 0.6, left, top + 8, left + width, top + 8);
        var label = new TextStyle(9.5, FontFace.Medium, Ink);
        var (trackLeft, trackWidth) = (left + 150, width - 150 - 110);
        var y = top + 16;
        foreach (var category in chart.Categories)
        {
            context.DrawText(context.Text.Fit(category.Label, label, 140), label, left, y + 13);
            context.Graphics.DrawRoundedRectangle(new XSolidBrush(Zebra), new XRect(trackLeft, y + 6, trackWidth, 8), new XSize(3, 3));
            var bar = Math.Max(3, Math.Clamp(category.Score, 0, 100) / 100 * trackWidth);
            context.Graphics.DrawRoundedRectangle(new XSolidBrush(Level(category.Level)), new XRect(trackLeft, y + 6, bar, 8), new XSize(3, 3));
            var score = ChartFormat.Score(category.Score);
            context.DrawText(score, CellStrong with { Size = 9.5 }, trackLeft + trackWidth + 12, y + 13);
            new LevelBadge(category.Level, 6.6, context.Text).Draw(context, trackLeft + trackWidth + 44, y + 3);
            y += 22;
        }
    }

    // Long names shrink before they wrap onto many lines; whatever still does not fit the band is cut with an ellipsis.
    private static void Company(DrawContext context, string name, double left, double top, double width)
    {
        foreach (var size in new[] { 24.0, 19, 15 })
        {
            var style = new TextStyle(size, FontFace.Medium, White, 1.2);
            var maxLines = Math.Max(1, (int)((BandHeight - 20 - top) / style.LineHeight));
            if (LineBreaker.Break([new TextRun(name, style)], width, context.Text).Count <= maxLines || size == 15)
            {
                Wrapped(context, name, style, left, top, width, maxLines);
                return;
            }
        }
    }

    private static double Wrapped(DrawContext context, string text, TextStyle style, double left, double top, double width, int maxLines)
    {
        var lines = LineBreaker.Break([new TextRun(text, style)], width, context.Text);
        for (var i = 0; i < Math.Min(lines.Count, maxLines); i++)
        {
            var shown = i == maxLines - 1 && lines.Count > maxLines ? context.Text.Fit(lines[i].Text + "…", style, width) : null;
            if (shown is null)
            {
                lines[i].Draw(context, left, top);
            }
            else
            {
                context.DrawText(shown, style, left, top + lines[i].Baseline);
            }

            top += lines[i].Height;
        }

        return top;
    }

    private static void Facts(DrawContext context, ReportModel model, double left, double top, double width)
    {
        var facts = new (string Label, string Value)[]
        {
            ("COMPANY TYPE", model.Title.CompanyType),
            ("COUNTRY", string.IsNullOrWhiteSpace(model.Title.Country) ? "Not stated" : model.Title.Country),
            ("REPORT DATE", Dates.Day(model.GeneratedAt)),
            ("VERSIONS", $"Report v{Format(model.ReportVersion)} · Analysis v{Format(model.AnalysisVersion)}"),
        };
        foreach (var (label, value) in facts)
        {
            context.DrawText(label, FactLabel, left, top);
            top = Wrapped(context, value, FactValue, left, top + 4, width, 2) + 14;
        }
    }

    private static void Score(DrawContext context, ReportModel model, XRect box)
    {
        context.Graphics.DrawRoundedRectangle(new XSolidBrush(Panel), box, new XSize(8, 8));
        var level = model.Analysis.OverallLevel;
        context.FillRect(Level(level), new XRect(box.Left, box.Top + 12, 4, box.Height - 24));
        var left = box.Left + 22;
        context.DrawText("OVERALL RISK SCORE", FactLabel, left, box.Top + 28);
        var score = ChartFormat.Score(model.Analysis.OverallScore);
        context.DrawText(score, ScoreFigure, left, box.Top + 80);
        context.DrawText("/ 100", Small, left + context.Text.Width(score, ScoreFigure) + 5, box.Top + 80);
        new LevelBadge(level, 10, context.Text).Draw(context, left, box.Top + 96);
        context.DrawText("0–100, higher is riskier", Small, left, box.Top + 146);
    }
}
