using System.IO.Compression;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class DocxParsingTests : IDisposable
{
    private readonly ParsingKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Parse_BusinessPlanDocx_ReturnsWordsMetadataAndExplicitPages()
    {
        var sample = SampleBusinessPlan.Document();

        var parsed = await _kit.ParseAsync("plan.docx", SampleDocxWriter.Write(sample), DocumentKind.Docx);

        Assert.Equal(2, parsed.Metadata.Pages);
        Assert.Equal(SampleBusinessPlan.Title, parsed.Metadata.Title);
        Assert.Equal(SampleBusinessPlan.Author, parsed.Metadata.Author);
        Assert.Equal(DocumentContentTypes.Docx, parsed.Metadata.ContentType);
        var expected = sample.Words().ToList();
        Assert.Equal(expected.Count, parsed.Metadata.Words);
        Assert.Equal(expected.Order(StringComparer.Ordinal), parsed.Pages.SelectMany(p => p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Order(StringComparer.Ordinal));
        Assert.StartsWith("Operations", parsed.Pages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_DocxHeadingStyles_BecomeOutlineWithPages()
    {
        var parsed = await _kit.ParseAsync("plan.docx", SampleDocxWriter.Write(SampleBusinessPlan.Document()), DocumentKind.Docx);

        Assert.Equal(
            [("Lakeside Maize Cooperative", 1, 1), ("Financial position", 2, 1), ("Climate and water", 2, 1), ("Operations", 1, 2), ("Governance", 2, 2), ("Market and pricing", 2, 2)],
            parsed.Outline.Select(e => (e.Title, e.Level, e.Page ?? 0)));
    }

    [Fact]
    public async Task Parse_DocxTable_ReturnsRowsAndKeepsCellTextInPage()
    {
        var parsed = await _kit.ParseAsync("plan.docx", SampleDocxWriter.Write(SampleBusinessPlan.Document()), DocumentKind.Docx);

        var table = Assert.Single(parsed.Tables);
        Assert.Equal(1, table.Page);
        Assert.Equal(["Members", "368", "412", "460"], table.Rows[4]);
        Assert.Contains("Net surplus (KES m)\t6.4\t7.6\t9.2", parsed.Pages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_DocxWithoutPageBreaks_CutsPagesAtParagraphEndsByWordCount()
    {
        var paragraphs = Enumerable.Range(1, 30).Select(i => new SampleParagraph($"Paragraph {i} " + string.Join(' ', Enumerable.Repeat("harvest", 48)))).ToList();
        var sample = new SampleDocument("Long", null, paragraphs);

        var parsed = await _kit.ParseAsync("long.docx", SampleDocxWriter.Write(sample, new SampleDocxOptions(PageBreaks: false)), DocumentKind.Docx);

        // 50 words per paragraph, 500 words per page: ten paragraphs a page, none split.
        Assert.Equal(3, parsed.Pages.Count);
        Assert.StartsWith("Paragraph 11 ", parsed.Pages[1].Text, StringComparison.Ordinal);
        Assert.All(parsed.Pages, p => Assert.Equal(500, p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Fact]
    public async Task Parse_DocxWithLastRenderedPageBreaks_UsesWordsPagination()
    {
        var docx = SampleDocxWriter.Write(new SampleDocument("R", null, [new SampleParagraph("first page"), new SampleParagraph("second page")]));
        var edited = ReplaceDocumentXml(docx, xml => xml.Replace("<w:t xml:space=\"preserve\">second page", "<w:lastRenderedPageBreak /><w:t xml:space=\"preserve\">second page", StringComparison.Ordinal));

        var parsed = await _kit.ParseAsync("rendered.docx", edited, DocumentKind.Docx);

        Assert.Equal(["first page", "second page"], parsed.Pages.Select(p => p.Text));
    }

    [Fact]
    public async Task Parse_PageBreakInsideTableRow_TakesEffectAfterTheRow()
    {
        var sample = new SampleDocument("T", null, [new SampleTable([["Crop", "Tonnes"], ["Maize", "2100"], ["Beans", "640"]]), new SampleParagraph("After the table.")]);
        var edited = ReplaceDocumentXml(SampleDocxWriter.Write(sample), xml => xml.Replace("<w:t>Maize", "<w:lastRenderedPageBreak /><w:t>Maize", StringComparison.Ordinal));

        var parsed = await _kit.ParseAsync("table.docx", edited, DocumentKind.Docx);

        Assert.Equal(["Crop\tTonnes\nMaize\t2100", "Beans\t640\nAfter the table."], parsed.Pages.Select(p => p.Text));
        Assert.Equal(1, Assert.Single(parsed.Tables).Page);
    }

    [Fact]
    public async Task Parse_DirectOutlineLevel_IsAHeadingWithoutAHeadingStyle()
    {
        var sample = new SampleDocument("O", null, [new SampleParagraph("Water rights"), new SampleParagraph("The borehole permit runs to 2030.")]);
        var edited = ReplaceDocumentXml(SampleDocxWriter.Write(sample), xml => xml.Replace(
            "<w:p><w:r><w:t xml:space=\"preserve\">Water rights", "<w:p><w:pPr><w:outlineLvl w:val=\"2\" /></w:pPr><w:r><w:t xml:space=\"preserve\">Water rights", StringComparison.Ordinal));

        var parsed = await _kit.ParseAsync("outline.docx", edited, DocumentKind.Docx);

        Assert.Equal([new OutlineEntry("Water rights", 3, 1)], parsed.Outline);
    }

    internal static byte[] ReplaceDocumentXml(byte[] docx, Func<string, string> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(edit(xml));
        }

        return stream.ToArray();
    }
}
