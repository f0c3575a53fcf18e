using System.Text;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Tests.Infrastructure.Documents;

namespace RiskIntel.Tests.Core.Documents.Parsing;

public sealed class TextParsingTests : IDisposable
{
    private readonly ParsingKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Parse_MarkdownPlan_ReturnsAtxOutlineAndFormFeedPages()
    {
        var markdown = SampleMarkdown.ToMarkdown(SampleBusinessPlan.Document());

        var parsed = await _kit.ParseAsync("plan.md", Encoding.UTF8.GetBytes(markdown), DocumentKind.Markdown);

        Assert.Equal(2, parsed.Metadata.Pages);
        Assert.Equal("text/markdown", parsed.Metadata.ContentType);
        Assert.Equal("Lakeside Maize Cooperative", parsed.Metadata.Title);
        Assert.Equal(
            [("Lakeside Maize Cooperative", 1, 1), ("Financial position", 2, 1), ("Climate and water", 2, 1), ("Operations", 1, 2), ("Governance", 2, 2), ("Market and pricing", 2, 2)],
            parsed.Outline.Select(e => (e.Title, e.Level, e.Page ?? 0)));
        Assert.StartsWith("# Operations", parsed.Pages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_MarkdownHashInsideCodeFence_IsNotAHeading()
    {
        var parsed = await _kit.ParseAsync("code.md", Encoding.UTF8.GetBytes("# Real\n\n```\n# not a heading\n```\n"), DocumentKind.Markdown);

        Assert.Equal(["Real"], parsed.Outline.Select(e => e.Title));
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf16le")]
    [InlineData("utf16be")]
    [InlineData("utf8")]
    public async Task Parse_UnicodeEncodings_DecodeTheSameText(string encoding)
    {
        const string text = "Coopérative «Kilimo Bora» – maïs, café and 25 % more yield; Ωmega ✓";
        var bytes = encoding switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };

        var parsed = await _kit.ParseAsync("plan.txt", bytes, DocumentKind.Text);

        Assert.Equal(text, parsed.Pages[0].Text);
    }

    [Fact]
    public async Task Parse_InvalidUtf8_FallsBackToWindows1252()
    {
        byte[] bytes = [.. "Caf"u8, 0xE9, .. " na "u8, 0x93, .. "Kilimo"u8, 0x94, .. " 5 "u8, 0x80];

        var parsed = await _kit.ParseAsync("legacy.txt", bytes, DocumentKind.Text);

        Assert.Equal("Café na “Kilimo” 5 €", parsed.Pages[0].Text);
    }

    [Fact]
    public async Task Parse_TextWithoutFormFeeds_ChunksAtBlankLines()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"Section {i} " + string.Join(' ', Enumerable.Repeat("yield", 98)));

        var parsed = await _kit.ParseAsync("long.txt", Encoding.UTF8.GetBytes(string.Join("\r\n\r\n", paragraphs)), DocumentKind.Text);

        Assert.Equal(3, parsed.Pages.Count);
        Assert.StartsWith("Section 6 ", parsed.Pages[1].Text, StringComparison.Ordinal);
        Assert.Equal(1200, parsed.Metadata.Words);
    }

    [Fact]
    public async Task Parse_WhitespaceOnlyText_FailsWithNoText()
    {
        var error = await Assert.ThrowsAsync<RiskIntel.Core.Errors.InputValidationException>(() =>
            _kit.ParseAsync("blank.txt", Encoding.UTF8.GetBytes(" \n\n \t\n"), DocumentKind.Text));

        Assert.Equal("the document contains no text", error.Message);
    }
}
