using System.IO.Compression;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Errors;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class DocxHostileInputTests : IDisposable
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private readonly ParsingKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private static byte[] Plan => SampleDocxWriter.Write(SampleBusinessPlan.Document());

    [Fact]
    public async Task Parse_HighlyCompressedEntry_IsRefusedAsZipBomb()
    {
        var bomb = AddEntry(Plan, "word/media/padding.bin", new byte[30_000_000]);

        var error = await Parse(bomb);

        Assert.StartsWith("the package entry word/media/padding.bin expands", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(possible zip bomb)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_TotalExpandedSizeOverCap_IsRefused()
    {
        using var kit = new ParsingKit(new DocumentsOptions { MaxExpandedBytes = 1_000_000 });
        var random = new byte[1_200_000];
        new Random(3).NextBytes(random);

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            kit.ParseAsync("big.docx", AddEntry(Plan, "word/media/photo.bin", random), DocumentKind.Docx));

        Assert.StartsWith("the package expands to more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_TooManyEntries_IsRefusedFromTheEndRecord()
    {
        using var kit = new ParsingKit(new DocumentsOptions { MaxZipEntries = 10 });
        var docx = Plan;
        for (var i = 0; i < 10; i++)
        {
            docx = AddEntry(docx, $"customXml/item{i}.xml", "<x/>"u8.ToArray());
        }

        var error = await Assert.ThrowsAsync<InputValidationException>(() => kit.ParseAsync("many.docx", docx, DocumentKind.Docx));

        Assert.Matches("^the ZIP package has 1[0-9] entries; at most 10 are allowed$", error.Message);
    }

    [Fact]
    public async Task Parse_BillionLaughs_IsRefusedWithoutExpanding()
    {
        var laughs = $"""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
            <w:document xmlns:w="{WordNamespace}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
            """;

        var error = await Parse(DocxParsingTests.ReplaceDocumentXml(Plan, _ => laughs));

        Assert.StartsWith("the DOCX contains a DTD, which is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ExternalEntity_IsRefusedAndNothingIsRead()
    {
        var secret = _kit.Write("secret.txt", "TOP-SECRET-CREDENTIAL"u8.ToArray());
        var xxe = $"""
            <?xml version="1.0"?>
            <!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>
            <w:document xmlns:w="{WordNamespace}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
            """;

        var error = await Parse(DocxParsingTests.ReplaceDocumentXml(Plan, _ => xxe));

        Assert.StartsWith("the DOCX contains a DTD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_PackageWithoutWordDocument_FailsClearly()
    {
        var zip = DocumentFormatDetectorTests.Zip(("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<styles/>"));

        var error = await Parse(zip);

        Assert.Equal("the DOCX has no word/document.xml, so it is not a Word document", error.Message);
    }

    [Fact]
    public async Task Parse_MoreElementsThanAllowed_StopsAtTheCap()
    {
        using var kit = new ParsingKit(new DocumentsOptions { MaxXmlElements = 1_000 });
        var many = new SampleDocument("Many", null, [.. Enumerable.Range(0, 400).Select(i => new SampleParagraph($"line {i}"))]);

        var error = await Assert.ThrowsAsync<InputValidationException>(() => kit.ParseAsync("many.docx", SampleDocxWriter.Write(many), DocumentKind.Docx));

        Assert.Equal("the DOCX has more than 1000 XML elements", error.Message);
    }

    [Fact]
    public async Task Parse_CancelledWhileReading_StopsWithOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var many = new SampleDocument("Many", null, [.. Enumerable.Range(0, 3000).Select(i => new SampleParagraph($"line {i}"))]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _kit.ParseAsync("many.docx", SampleDocxWriter.Write(many), DocumentKind.Docx, cancelled.Token));
    }

    [Fact]
    public async Task Parse_TruncatedDocx_FailsAsDamagedPackage()
    {
        var error = await Parse(Plan[..(Plan.Length - 200)]);

        Assert.StartsWith("the file is a damaged ZIP package", error.Message, StringComparison.Ordinal);
    }

    private static byte[] AddEntry(byte[] docx, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    private Task<InputValidationException> Parse(byte[] content) =>
        Assert.ThrowsAsync<InputValidationException>(() => _kit.ParseAsync("hostile.docx", content, DocumentKind.Docx));
}
