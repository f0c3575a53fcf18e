using RiskIntel.Core.Documents;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Tests.Core.Documents.Parsing;
using RiskIntel.Tests.Infrastructure;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Samples;

/// <summary>
/// The Kenyan dairy co-operative's business plan in <c>samples/</c>: the Markdown is the one source; the PDF and DOCX
/// beside it are generated from it by the sample writers in their finished look.
/// </summary>
internal static class SamplePlan
{
    public const string Title = "Business Plan 2025–2029 — Ndaragwa Highlands Dairy Farmers' Co-operative Society Ltd";
    public const string Author = "Samuel Kariuki Mwangi, Manager";

    public static string MarkdownPath { get; } = Path.Combine(RepositoryPaths.Root, "samples", "kenya-dairy-cooperative-business-plan.md");

    public static string PdfPath { get; } = Path.ChangeExtension(MarkdownPath, ".pdf");

    public static string DocxPath { get; } = Path.ChangeExtension(MarkdownPath, ".docx");

    public static SampleDocument Document() => SampleMarkdown.Parse(File.ReadAllText(MarkdownPath), Title, Author);

    public static byte[] WritePdf() => SamplePdfWriter.Write(Document(), new SamplePdfOptions(Finished: true));

    public static byte[] WriteDocx() => SampleDocxWriter.Write(Document(), new SampleDocxOptions(Finished: true));

    /// <summary>The committed file of <paramref name="format"/> through the product's parser, as the pipeline would read it.</summary>
    public static async Task<ParsedDocument> ParseAsync(DocumentKind format)
    {
        var path = format switch
        {
            DocumentKind.Pdf => PdfPath,
            DocumentKind.Docx => DocxPath,
            DocumentKind.Markdown => MarkdownPath,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
        using var kit = new ParsingKit();
        return await kit.Parser.ParseAsync(path, format, default);
    }

    public static DocumentText ToDocumentText(ParsedDocument parsed, string fileName) =>
        new(RiskIntel.Tests.Core.Gaps.Detection.PlanFiles.IdFor(fileName), fileName, parsed.Pages);
}
