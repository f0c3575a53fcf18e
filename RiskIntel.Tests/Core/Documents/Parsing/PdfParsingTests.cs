using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class PdfParsingTests : IDisposable
{
    private readonly ParsingKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Parse_BusinessPlanPdf_ReturnsEveryWordMetadataAndPages()
    {
        var sample = SampleBusinessPlan.Document();

        var parsed = await _kit.ParseAsync("plan.pdf", SamplePdfWriter.Write(sample), DocumentKind.Pdf);

        Assert.Equal(2, parsed.Metadata.Pages);
        Assert.Equal([1, 2], parsed.Pages.Select(p => p.Page));
        Assert.Equal(SampleBusinessPlan.Title, parsed.Metadata.Title);
        Assert.Equal(SampleBusinessPlan.Author, parsed.Metadata.Author);
        Assert.Equal("application/pdf", parsed.Metadata.ContentType);
        Assert.False(parsed.Metadata.Ocr);
        var expected = sample.Words().ToList();
        var found = parsed.Pages.SelectMany(p => p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, parsed.Metadata.Words);
        Assert.Contains("Operations", parsed.Pages[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Operations", parsed.Pages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_PdfWithBookmarks_ReturnsNestedOutlineWithPages()
    {
        var parsed = await _kit.ParseAsync("plan.pdf", SamplePdfWriter.Write(SampleBusinessPlan.Document()), DocumentKind.Pdf);

        Assert.Equal(
            [("Lakeside Maize Cooperative", 1, 1), ("Financial position", 2, 1), ("Climate and water", 2, 1), ("Operations", 1, 2), ("Governance", 2, 2), ("Market and pricing", 2, 2)],
            parsed.Outline.Select(e => (e.Title, e.Level, e.Page ?? 0)));
    }

    [Fact]
    public async Task Parse_PdfWithRuledTable_ReturnsTheTableRowsAndNoOthers()
    {
        var parsed = await _kit.ParseAsync("plan.pdf", SamplePdfWriter.Write(SampleBusinessPlan.Document()), DocumentKind.Pdf);

        var table = Assert.Single(parsed.Tables);
        Assert.Equal(1, table.Page);
        Assert.Equal(["Item", "2024", "2025", "2026 plan"], table.Rows[0]);
        Assert.Equal(["Net surplus (KES m)", "6.4", "7.6", "9.2"], table.Rows[3]);
        Assert.Equal(5, table.Rows.Length);
    }

    [Fact]
    public async Task Parse_PdfPage_KeepsReadingOrderOfParagraphs()
    {
        var parsed = await _kit.ParseAsync("plan.pdf", SamplePdfWriter.Write(SampleBusinessPlan.Document()), DocumentKind.Pdf);

        var text = parsed.Pages[0].Text;
        var heading = text.IndexOf("Lakeside Maize Cooperative", StringComparison.Ordinal);
        var financial = text.IndexOf("Financial position", StringComparison.Ordinal);
        var climate = text.IndexOf("Climate and water", StringComparison.Ordinal);
        Assert.True(heading >= 0 && heading < financial && financial < climate, text);
        Assert.Contains("has never missed an instalment.", text.Replace('\n', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_PageMostlyTable_ReadsTheTableRowByRow()
    {
        // A page of which a figures table is most lines: its gapped rows must not make it look like a two-column page.
        string[][] rows = [["KES million", "2022", "2023", "2024"], .. Enumerable.Range(1, 14).Select(i => new[] { $"Cost line {i}", $"{i}.1", $"{i}.2", $"{i}.3" })];
        var sample = new SampleDocument("Accounts", null, [new SampleHeading(2, "Income and expenditure"), new SampleParagraph("The audited results of the last three years."), new SampleTable(rows)]);

        var parsed = await _kit.ParseAsync("accounts.pdf", SamplePdfWriter.Write(sample, new SamplePdfOptions(Finished: true)), DocumentKind.Pdf);

        var lines = parsed.Pages[0].Text.Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains("Cost line 7 7.1 7.2 7.3", lines);
        Assert.Equal(15, Assert.Single(parsed.Tables).Rows.Length);
    }

    [Fact]
    public async Task Parse_TwoColumnPage_ReadsTheLeftColumnBeforeTheRight()
    {
        var left = new[] { "Maize yields rose after the", "cooperative bought certified", "seed and trained members in", "spacing and weeding.", "Storage losses fell as well" };
        var right = new[] { "Sorghum remains a fallback", "crop for dry years, sold", "mainly to local brewers at", "prices set each season.", "Beans are grown for food." };
        var content = new System.Text.StringBuilder("BT /F1 10 Tf ");
        for (var i = 0; i < left.Length; i++)
        {
            content.Append($"1 0 0 1 72 {700 - (i * 14)} Tm ({left[i]}) Tj 1 0 0 1 320 {700 - (i * 14)} Tm ({right[i]}) Tj ");
        }

        var pdf = RawPdf.OnePage(System.Text.Encoding.ASCII.GetBytes(content.Append("ET").ToString()), deflate: true);

        var text = (await _kit.ParseAsync("columns.pdf", pdf, DocumentKind.Pdf)).Pages[0].Text.Replace('\n', ' ');

        Assert.Contains(string.Join(' ', left), text, StringComparison.Ordinal);
        Assert.Contains(string.Join(' ', right), text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Maize", StringComparison.Ordinal) < text.IndexOf("Sorghum", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task Parse_CancelledToken_StopsWithOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _kit.ParseAsync("plan.pdf", SamplePdfWriter.Write(SampleBusinessPlan.Document()), DocumentKind.Pdf, cancelled.Token));
    }
}
