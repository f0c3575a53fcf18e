using RiskIntel.Core.Reports.Fonts;
using RiskIntel.Core.Reports.Pdf.Layout;

namespace RiskIntel.Core.Reports.Pdf;

/// <summary>
/// Renders a <see cref="ReportModel"/> as an A4 PDF (SPEC §8 Report) with PDFsharp: cover, contents, executive summary,
/// overall profile with the radar, one chapter per category, recommendations by priority, appendix. Roboto is embedded;
/// charts are vectors. The same model always gives the same pages. Holds no state between calls.
/// </summary>
public static class ReportPdfRenderer
{
    /// <summary>Renders into memory.</summary>
    public static RenderedReport Render(ReportModel model, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var info = Render(model, buffer, cancellationToken);
        return new RenderedReport(buffer.ToArray(), info.Pages);
    }

    /// <summary>Renders into <paramref name="destination"/>, which stays open; returns the page count and bytes written.</summary>
    public static RenderedReportInfo Render(ReportModel model, Stream destination, CancellationToken cancellationToken)
    {
        ReportFonts.EnsureRegistered();
        using var text = new TextMeasurer();
        var layout = ReportLayout.Lay(model, text, cancellationToken);
        var counting = new CountingStream(destination);
        ReportPdfWriter.Write(model, layout, text, counting, cancellationToken);
        return new RenderedReportInfo(layout.Pages.Count, counting.Written);
    }
}

/// <summary>A rendered PDF and its page count.</summary>
public sealed record RenderedReport(byte[] Pdf, int Pages)
{
    public long Bytes => Pdf.LongLength;
}

/// <summary>What was written to a stream: pages and bytes.</summary>
public sealed record RenderedReportInfo(int Pages, long Bytes);
