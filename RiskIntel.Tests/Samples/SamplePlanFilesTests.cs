using System.Globalization;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Documents.Parsing.Ocr;
using RiskIntel.Tests.Infrastructure;
using RiskIntel.Tests.Infrastructure.Documents;
using Xunit.Abstractions;

namespace RiskIntel.Tests.Samples;

/// <summary>
/// The committed PDF and DOCX of the sample plan say what its Markdown says. <c>RISKINTEL_UPDATE_SAMPLES=1</c>
/// regenerates them first (after the Markdown or the writers changed); otherwise a stale file fails here.
/// </summary>
public sealed class SamplePlanFilesTests(ITestOutputHelper output)
{
    private const double Required = 0.99;
    private const string Regenerate = "Regenerate with RISKINTEL_UPDATE_SAMPLES=1 dotnet test --filter FullyQualifiedName~SamplePlanFilesTests";

    static SamplePlanFilesTests()
    {
        if (Environment.GetEnvironmentVariable("RISKINTEL_UPDATE_SAMPLES") == "1")
        {
            File.WriteAllBytes(SamplePlan.PdfPath, SamplePlan.WritePdf());
            File.WriteAllBytes(SamplePlan.DocxPath, SamplePlan.WriteDocx());
        }
    }

    [Theory]
    [InlineData(DocumentKind.Pdf)]
    [InlineData(DocumentKind.Docx)]
    public async Task CommittedFile_ParsedByTheProduct_HasTheMarkdownsWordsInOrder(DocumentKind format)
    {
        var parsed = await SamplePlan.ParseAsync(format);

        var agreement = WordSequence.Agreement(SamplePlan.Document().Words().ToList(), WordSequence.Of(Joined(parsed)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{format}: {parsed.Metadata.Pages} pages, {parsed.Metadata.Words} words, agreement with the Markdown {agreement:P2}"));
        Assert.True(agreement >= Required, $"{format} agrees with the Markdown on {agreement:P2} of its words. {Regenerate}");
    }

    [Theory]
    [InlineData(DocumentKind.Pdf)]
    [InlineData(DocumentKind.Docx)]
    public async Task CommittedFile_ParsedByTheProduct_HasTheMarkdownsPagesHeadingsAndProperties(DocumentKind format)
    {
        var sample = SamplePlan.Document();

        var parsed = await SamplePlan.ParseAsync(format);

        Assert.Equal(sample.Blocks.OfType<SamplePageBreak>().Count() + 1, parsed.Metadata.Pages);
        Assert.Equal(sample.Blocks.OfType<SampleHeading>().Select(h => (h.Text, h.Level)), parsed.Outline.Select(e => (e.Title, e.Level)));
        Assert.Equal(SamplePlan.Title, parsed.Metadata.Title);
        Assert.Equal(SamplePlan.Author, parsed.Metadata.Author);
        Assert.Contains("Executive summary", parsed.Pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Proposed investment", parsed.Pages[^1].Text, StringComparison.Ordinal);
        // The PDF table detector is conservative by design (prose-like cells are not a table), so the risk table is not
        // expected there; every table it does find must be one of the Markdown's, cell for cell.
        var tables = sample.Blocks.OfType<SampleTable>().Select(t => string.Join("\n", t.Rows.Select(r => string.Join(" | ", r)))).ToList();
        Assert.Equal(format == DocumentKind.Docx ? tables.Count : 2, parsed.Tables.Count);
        Assert.All(parsed.Tables, t => Assert.Contains(string.Join("\n", t.Rows.Select(r => string.Join(" | ", r))), tables));
    }

    [ExternalToolFact("pdftotext")]
    public async Task CommittedPdf_ReadByPdftotext_HasTheMarkdownsWordsInOrder()
    {
        var text = await ExternalProcess.RunAsync("pdftotext", ["-enc", "UTF-8", SamplePlan.PdfPath, "-"], TimeSpan.FromMinutes(1), default);

        var agreement = WordSequence.Agreement(SamplePlan.Document().Words().ToList(), WordSequence.Of(text.Output));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pdftotext: agreement with the Markdown {agreement:P2}"));
        Assert.True(agreement >= Required, $"pdftotext's text agrees with the Markdown on {agreement:P2} of its words. {Regenerate}");
    }

    [Fact]
    public void CommittedDocx_IsValidOpenXml_WithHeadingStylesAndAPageNumberFooter()
    {
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(SamplePlan.DocxPath, false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var styles = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>().Select(s => s.StyleId?.Value).ToList();
        Assert.Contains("Heading1", styles);
        Assert.Contains("Heading3", styles);
        Assert.Contains("PAGE", docx.MainDocumentPart.FooterParts.Single().Footer!.InnerXml, StringComparison.Ordinal);
    }

    [Fact]
    public void Agreement_OneWordDroppedOfFour_IsThreeQuarters()
    {
        Assert.Equal(0.75, WordSequence.Agreement(["milk", "is", "chilled", "daily"], ["milk", "chilled", "daily"]));
        Assert.Equal(["Milk", "chilled"], WordSequence.Of("• Milk\nPage 3 of 7\nchilled"));
    }

    private static string Joined(ParsedDocument parsed) => string.Join("\n", parsed.Pages.Select(p => p.Text));
}
