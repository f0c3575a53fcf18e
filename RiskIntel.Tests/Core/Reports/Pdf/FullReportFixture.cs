using RiskIntel.Core.Reports;
using RiskIntel.Core.Reports.Pdf;
using RiskIntel.Tests.Core.Reports.Samples;

namespace RiskIntel.Tests.Core.Reports.Pdf;

/// <summary>The sample report rendered once for all tests that only read it.</summary>
public sealed class FullReportFixture
{
    public FullReportFixture()
    {
        Model = SampleReports.Full();
        Report = ReportPdfRenderer.Render(Model, CancellationToken.None);
        PdfReading.Dump(Report.Pdf, "full");
    }

    public ReportModel Model { get; }

    public RenderedReport Report { get; }
}
