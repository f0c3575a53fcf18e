using System.Text.RegularExpressions;
using RiskIntel.Core.Reports.Pdf;
using RiskIntel.Tests.Core.Reports.Samples;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace RiskIntel.Tests.Core.Reports.Pdf;

/// <summary>Hostile and extreme content: markup, accents, a 2,000-word quote, unbroken URLs.</summary>
public sealed partial class ReportPdfContentTests
{
    private const string Markup = "<script>alert(\"x\")</script> & Söhne <b>Coopérative</b>";

    [Fact]
    public void Render_MarkupInCompanyNameAndQuote_ComesOutLiterally()
    {
        var quote = "Invoices are emailed as <a href=\"javascript:alert(1)\">links</a> & paid within 30 days; R&D spend is < 2% of turnover.";
        var model = SampleReports.Full(
            f => f.Field == "FINANCIAL.revenue" ? f with { Quote = quote } : f,
            companyName: Markup);

        var report = ReportPdfRenderer.Render(model, CancellationToken.None);
        PdfReading.Dump(report.Pdf, "markup");

        var pages = PdfReading.PageTexts(report.Pdf).Select(PdfReading.Squash).ToList();
        Assert.Contains(PdfReading.Squash(Markup), pages[0], StringComparison.Ordinal);
        Assert.All(pages.Skip(1), p => Assert.Contains(PdfReading.Squash("<script>alert(\"x\")"), p, StringComparison.Ordinal));
        Assert.Contains(PdfReading.Squash(quote), string.Concat(pages), StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", string.Concat(pages), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TwoThousandWordQuoteInOneCell_BreaksAcrossPagesWithoutLosingText()
    {
        var quote = SampleProse.Clauses(2_100);
        var clauses = ClauseNumber().Count(quote);
        var baseline = ReportPdfRenderer.Render(SampleReports.Full(), CancellationToken.None);

        var report = ReportPdfRenderer.Render(SampleReports.Full(f => f.Field == "FINANCIAL.liquidity" ? f with { Quote = quote } : f), CancellationToken.None);
        PdfReading.Dump(report.Pdf, "long-quote");

        var pages = PdfReading.PageTexts(report.Pdf);
        var found = pages.SelectMany((text, page) => ClauseNumber().Matches(text).Select(m => (Clause: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Page: page))).ToList();
        Assert.Equal(Enumerable.Range(1, clauses), found.Select(f => f.Clause));
        Assert.True(found.Select(f => f.Page).Distinct().Count() >= 3, "a 2,000-word quote should span at least three pages");
        Assert.InRange(report.Pages, baseline.Pages + 3, baseline.Pages + 12);

        var squashed = string.Concat(pages.Select(PdfReading.Squash));
        var at = 0;
        foreach (var word in quote.Split(' '))
        {
            var next = squashed.IndexOf(word, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"'{word}' after offset {at} is missing");
            at = next + word.Length;
        }
    }

    [Fact]
    public void Render_LongQuote_RepeatsTheTableHeaderAndMarksTheContinuedRow()
    {
        var quote = SampleProse.Clauses(2_100);

        var report = ReportPdfRenderer.Render(SampleReports.Full(f => f.Field == "FINANCIAL.liquidity" ? f with { Quote = quote } : f), CancellationToken.None);

        var spanned = PdfReading.PageTexts(report.Pdf).Where(t => ClauseNumber().IsMatch(t)).ToList();
        Assert.All(spanned, t => Assert.Contains("Evidence and drivers", t, StringComparison.Ordinal));
        Assert.All(spanned.Skip(1), t => Assert.Contains("(continued)", t, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_UnbrokenUrlAndHashInNarrowCells_AreCutToFitAndKeptWhole()
    {
        var url = "https://data.example.org/cooperatives/nyeri/ledgers/2025/intake?centre=all&format=csv&token=" + new string('x', 180);
        var model = SampleReports.Full(f => f.Field == "TECHNOLOGY_DATA.data_management" ? f with { Quote = "Records are published at " + url, Mitigation = new string('M', 300) } : f);

        var report = ReportPdfRenderer.Render(model, CancellationToken.None);
        PdfReading.Dump(report.Pdf, "url");

        var text = PdfReading.AllText(report.Pdf);
        Assert.Contains(url, text, StringComparison.Ordinal);
        Assert.Contains(new string('M', 300), text, StringComparison.Ordinal);
        using var document = PigDocument.Open(report.Pdf);
        Assert.All(document.GetPages().SelectMany(p => p.Letters), l => Assert.InRange(l.BoundingBox.Right, 0, 595.3 - 40));
    }

    [Fact]
    public void Render_AccentsAndOtherScripts_AreShownAsText()
    {
        const string name = "Coopérative Agricole de Ségou — Ñandú & Ørsted ΑΒΓ Кооператив";

        var report = ReportPdfRenderer.Render(SampleReports.Full(companyName: name), CancellationToken.None);

        Assert.Contains(PdfReading.Squash(name), PdfReading.PageTexts(report.Pdf)[0].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_VeryLongCompanyName_StaysInTheCoverBandAndIsCutInTheRunningHeader()
    {
        var name = string.Join(' ', Enumerable.Repeat("Nyeri Highlands Dairy Farmers' Cooperative Union", 6));

        var report = ReportPdfRenderer.Render(SampleReports.Full(companyName: name), CancellationToken.None);
        PdfReading.Dump(report.Pdf, "long-name");

        using var document = PigDocument.Open(report.Pdf);
        var cover = document.GetPage(1);
        var band = cover.Letters.Where(l => l.PointSize >= 14 && l.PointSize < 25).ToList();
        Assert.NotEmpty(band);
        Assert.All(band, l => Assert.InRange(l.BoundingBox.Bottom, cover.Height - 330, cover.Height));
        var header = PdfReading.Lines(document.GetPage(3))[0];
        Assert.Contains("…", string.Concat(header), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SparseModel_RendersWithoutEvidenceRecommendationsOrDocuments()
    {
        var bare = SampleReports.Full(f => f with { Quote = null, SecondQuote = null, Correction = null, Drivers = [] }) with
        {
            Recommendations = [],
            Documents = [],
            ExecutiveSummary = "",
            Title = new("Small Farm Ltd", "Sole trader", null, "First look"),
        };

        var report = ReportPdfRenderer.Render(bare, CancellationToken.None);

        var text = PdfReading.AllText(report.Pdf);
        Assert.InRange(report.Pages, 8, 30);
        Assert.Contains(PdfReading.Squash("No verbatim evidence in the documents."), text, StringComparison.Ordinal);
        Assert.Contains(PdfReading.Squash("The analysis made no recommendations."), text, StringComparison.Ordinal);
        Assert.Contains("Notstated", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Clause (\d+)\.")]
    private static partial Regex ClauseNumber();
}
