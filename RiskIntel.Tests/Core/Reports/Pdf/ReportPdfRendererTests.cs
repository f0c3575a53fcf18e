using RiskIntel.Core.Reports.Pdf;
using RiskIntel.Core.Risk;
using RiskIntel.Tests.Core.Reports.Samples;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace RiskIntel.Tests.Core.Reports.Pdf;

public sealed class ReportPdfRendererTests(FullReportFixture full) : IClassFixture<FullReportFixture>
{
    [Fact]
    public void Render_FullModel_ShowsCompanyEveryCategoryAndEveryRecommendation()
    {
        var text = PdfReading.AllText(full.Report.Pdf);

        Assert.Contains(PdfReading.Squash(SampleReports.CompanyName), text, StringComparison.Ordinal);
        Assert.All(RiskTaxonomy.Categories, c => Assert.Contains(PdfReading.Squash(c.Label), text, StringComparison.Ordinal));
        Assert.All(full.Model.Recommendations, r => Assert.Contains(PdfReading.Squash(r.Text), text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_FullModel_EveryQuoteMitigationAndNarrativeIsInTheDocument()
    {
        var text = PdfReading.AllText(full.Report.Pdf);
        var subcategories = full.Model.Analysis.Scores.SelectMany(c => c.Subcategories).ToList();

        Assert.All(subcategories.SelectMany(s => s.Evidence), e => Assert.Contains(PdfReading.Squash($"“{e.Quote}”p.{e.Page}"), text, StringComparison.Ordinal));
        Assert.All(subcategories, s => Assert.Contains(PdfReading.Squash(s.Mitigation), text, StringComparison.Ordinal));
        Assert.All(full.Model.Analysis.Scores, c => Assert.Contains(PdfReading.Squash(c.Narrative), text, StringComparison.Ordinal));
        Assert.All(full.Model.Documents, d => Assert.Contains(d.Sha256, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_FullModel_HasSanePageCountAndPageNOfMOnEveryPage()
    {
        var pages = PdfReading.PageTexts(full.Report.Pdf);

        Assert.InRange(full.Report.Pages, 8, 30);
        Assert.Equal(full.Report.Pages, pages.Count);
        Assert.Equal(full.Report.Pdf.LongLength, full.Report.Bytes);
        Assert.All(pages.Select((t, i) => (t, i)), p => Assert.Contains($"Page {p.i + 1} of {pages.Count}", p.t, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_FullModel_EmbedsRobotoInEveryPage()
    {
        using var document = PigDocument.Open(full.Report.Pdf);

        var fonts = document.GetPages().SelectMany(p => PdfReading.Fonts(document, p)).ToList();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"{f.Name} is not embedded"));
        Assert.All(fonts, f => Assert.Contains("Roboto", f.Name, StringComparison.Ordinal));
        Assert.All(document.GetPage(3).Letters, l => Assert.Contains("Roboto", l.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_FullModel_SetsDocumentInformation()
    {
        using var document = PigDocument.Open(full.Report.Pdf);

        Assert.Equal("RiskIntel", document.Information.Author);
        Assert.Contains(SampleReports.CompanyName, document.Information.Title, StringComparison.Ordinal);
        Assert.Contains("Working-capital facility 2027", document.Information.Subject, StringComparison.Ordinal);
        Assert.Equal(SampleReports.GeneratedAt, document.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void Render_FullModel_ContentsPageNumbersAreThePagesOfTheChapterHeadings()
    {
        using var document = PigDocument.Open(full.Report.Pdf);
        var contents = PdfReading.Lines(document.GetPage(2));
        var chapters = new[] { "Executive summary", "Overall risk profile" }
            .Concat(RiskTaxonomy.Categories.Select(c => c.Label))
            .Concat(["Recommendations", "Appendix"])
            .ToList();

        var previous = 2;
        for (var i = 0; i < chapters.Count; i++)
        {
            var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var line = contents.Single(l => l[0] == number && PdfReading.Squash(string.Concat(l)).Contains(PdfReading.Squash(chapters[i]), StringComparison.Ordinal));
            var page = int.Parse(line[^1], System.Globalization.CultureInfo.InvariantCulture);

            Assert.True(page > previous, $"{chapters[i]} on page {page} does not follow page {previous}");
            Assert.Equal(PdfReading.Squash(number + chapters[i]), PdfReading.TextOfSize(document.GetPage(page), 18));
            previous = page;
        }
    }

    [Fact]
    public void Render_FullModel_KeepsAllTextInsideThePage()
    {
        using var document = PigDocument.Open(full.Report.Pdf);

        foreach (var page in document.GetPages())
        {
            Assert.All(page.Letters, l =>
            {
                Assert.InRange(l.BoundingBox.Left, 40, page.Width - 40);
                Assert.InRange(l.BoundingBox.Right, 40, page.Width - 40);
                Assert.InRange(l.BoundingBox.Bottom, 20, page.Height - 20);
            });
        }
    }

    [Fact]
    public void Render_SameModelTwice_GivesTheSamePages()
    {
        var again = ReportPdfRenderer.Render(SampleReports.Full(), CancellationToken.None);

        Assert.Equal(full.Report.Pages, again.Pages);
        Assert.Equal(PdfReading.PageTexts(full.Report.Pdf), PdfReading.PageTexts(again.Pdf));
    }

    [Fact]
    public void Render_ToStream_WritesTheSameDocumentAndCountsItsBytes()
    {
        using var stream = new MemoryStream();

        var info = ReportPdfRenderer.Render(full.Model, stream, CancellationToken.None);

        Assert.Equal(full.Report.Pages, info.Pages);
        Assert.Equal(stream.Length, info.Bytes);
        Assert.Equal(PdfReading.PageTexts(full.Report.Pdf), PdfReading.PageTexts(stream.ToArray()));
    }

    [Fact]
    public void Render_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ReportPdfRenderer.Render(full.Model, cancelled.Token));
    }
}
