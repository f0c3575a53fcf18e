using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Reports.Pdf.Sections;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Drawing;

/// <summary>The running header (company, report) and footer (generation date, "Page N of M") of every page.</summary>
internal static class PageFrame
{
    private const double HeaderBaseline = 44;
    private const double FooterBaseline = PageGeometry.Height - 34;
    private static readonly TextStyle Header = new(7.8, FontFace.Medium, Muted);
    private static readonly TextStyle Footer = new(7.6, FontFace.Regular, Muted);

    public static void Draw(DrawContext context, ReportModel model, int page, int pages)
    {
        var left = PageGeometry.MarginX;
        var right = PageGeometry.Width - PageGeometry.MarginX;
        var pageText = $"Page {Format(page)} of {Format(pages)}";
        if (page > 1)
        {
            var report = "Risk assessment report";
            var room = right - left - context.Text.Width(report, Header) - 24;
            context.DrawText(context.Text.Fit(model.Title.CompanyName, Header, room), Header, left, HeaderBaseline);
            context.DrawText(report, Header, right - context.Text.Width(report, Header), HeaderBaseline);
            context.Line(Rule, 0.6, left, HeaderBaseline + 8, right, HeaderBaseline + 8);
            context.Line(Rule, 0.6, left, FooterBaseline - 12, right, FooterBaseline - 12);
        }

        var generated = $"Generated {Dates.Utc(model.GeneratedAt)} · Report v{Format(model.ReportVersion)} · Analysis v{Format(model.AnalysisVersion)}";
        context.DrawText(context.Text.Fit(generated, Footer, right - left - 80), Footer, left, FooterBaseline);
        context.DrawText(pageText, Footer with { Face = FontFace.Medium }, right - context.Text.Width(pageText, Footer with { Face = FontFace.Medium }), FooterBaseline);
    }
}
