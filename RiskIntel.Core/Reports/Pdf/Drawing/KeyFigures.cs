using PdfSharp.Drawing;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Reports.Charts;
using RiskIntel.Core.Reports.Pdf.Layout;
using RiskIntel.Core.Risk;
using static RiskIntel.Core.Reports.Pdf.ReportTheme;

namespace RiskIntel.Core.Reports.Pdf.Drawing;

/// <summary>Four tiles a reader takes in at a glance: overall score, riskiest category, categories at HIGH or above, recommendations.</summary>
internal static class KeyFigures
{
    private const double Height = 74;
    private const double Gap = 8;
    private static readonly TextStyle Caption = new(7.4, FontFace.Medium, Muted);
    private static readonly TextStyle Figure = new(20, FontFace.Bold, Navy);
    private static readonly TextStyle Detail = new(8, FontFace.Regular, Ink);

    public static IFlowBlock Block(ReportModel model) =>
        new FixedBlock(Height, (context, area) => Draw(context, area, model), new FlowOptions(SpaceAfter: 14));

    private static void Draw(DrawContext context, XRect area, ReportModel model)
    {
        var analysis = model.Analysis;
        var riskiest = analysis.Scores.OrderByDescending(c => c.Score).First();
        var elevated = analysis.Scores.Count(c => c.Level >= RiskLevel.High);
        var byPriority = Enum.GetValues<RecommendationPriority>()
            .Select(p => $"{Format(model.Recommendations.Count(r => r.Priority == p))} {p.ToString().ToLowerInvariant()}");
        var width = (area.Width - (3 * Gap)) / 4;
        XRect Tile(int i) => new(area.Left + (i * (width + Gap)), area.Top, width, Height);

        Draw(context, Tile(0), "OVERALL SCORE", ChartFormat.Score(analysis.OverallScore), null, analysis.OverallLevel);
        Draw(context, Tile(1), "HIGHEST-RISK CATEGORY", ChartFormat.Score(riskiest.Score), RiskTaxonomy.FindCategory(riskiest.Category)?.Label ?? riskiest.Category, riskiest.Level);
        Draw(context, Tile(2), "ELEVATED CATEGORIES", $"{Format(elevated)} of {Format(analysis.Scores.Count)}", "rated HIGH or CRITICAL", null);
        Draw(context, Tile(3), "RECOMMENDATIONS", Format(model.Recommendations.Count), string.Join(" · ", byPriority), null);
    }

    private static void Draw(DrawContext context, XRect tile, string caption, string figure, string? detail, RiskLevel? level)
    {
        context.Graphics.DrawRoundedRectangle(new XSolidBrush(Panel), tile, new XSize(6, 6));
        if (level is { } accent)
        {
            context.FillRect(Level(accent), new XRect(tile.Left, tile.Top + 8, 3, tile.Height - 16));
        }

        var left = tile.Left + 11;
        var inner = tile.Width - 20;
        context.DrawText(context.Text.Fit(caption, Caption, inner), Caption, left, tile.Top + 15);
        context.DrawText(figure, Figure, left, tile.Top + 40);
        if (level is { } badgeLevel)
        {
            var badge = new LevelBadge(badgeLevel, 6.8, context.Text);
            badge.Draw(context, left + context.Text.Width(figure, Figure) + 6, tile.Top + 27);
        }

        if (detail is not null)
        {
            context.DrawText(context.Text.Fit(detail, Detail, inner), Detail, left, tile.Top + 60);
        }
    }
}
