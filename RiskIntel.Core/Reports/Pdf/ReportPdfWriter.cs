using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RiskIntel.Core.Reports.Pdf.Drawing;
using RiskIntel.Core.Reports.Pdf.Layout;

namespace RiskIntel.Core.Reports.Pdf;

/// <summary>Draws a laid-out report into a PDFsharp document: pages, running header and footer, bookmarks, document info.</summary>
internal static class ReportPdfWriter
{
    public static void Write(ReportModel model, LaidOutReport layout, TextMeasurer text, Stream destination, CancellationToken cancellationToken)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"Risk assessment report: {model.Title.CompanyName}";
        document.Info.Author = "RiskIntel";
        document.Info.Subject = $"{model.Title.AssessmentName}, report v{ReportTheme.Format(model.ReportVersion)}, analysis v{ReportTheme.Format(model.AnalysisVersion)}";
        document.Info.Creator = "RiskIntel";
        document.Info.CreationDate = model.GeneratedAt.UtcDateTime;
        document.Options.CompressContentStreams = true;

        for (var i = 0; i < layout.Pages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var graphics = XGraphics.FromPdfPage(page);
            var context = new DrawContext(graphics, page, text);
            foreach (var item in layout.Pages[i].Items)
            {
                item.Fragment.Draw(context, item.Area);
            }

            PageFrame.Draw(context, model, i + 1, layout.Pages.Count);
        }

        foreach (var entry in layout.Contents)
        {
            if (layout.ChapterPages.TryGetValue(entry.Anchor, out var number))
            {
                document.Outlines.Add($"{ReportTheme.Format(entry.Number)}  {entry.Title}", document.Pages[number - 1]);
            }
        }

        document.Save(destination, closeStream: false);
    }
}
