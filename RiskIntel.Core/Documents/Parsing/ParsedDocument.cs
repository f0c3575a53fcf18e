namespace RiskIntel.Core.Documents.Parsing;

/// <summary>
/// A parsed document (SPEC §4 <c>PARSE_DOCUMENT</c> without the fields the caller adds: documentId,
/// fileName, sha256). <see cref="Pages"/> are 1-based and in order.
/// </summary>
public sealed record ParsedDocument(
    IReadOnlyList<PageText> Pages,
    DocumentMetadata Metadata,
    IReadOnlyList<OutlineEntry> Outline,
    IReadOnlyList<ParsedTable> Tables)
{
    /// <summary>The job result's <c>text</c>: the pages joined, capped at 1 MB (UTF-8).</summary>
    public ResultText ToResultText(int maxUtf8Bytes = ResultText.MaxUtf8Bytes) => ResultText.Compose(Pages, maxUtf8Bytes);
}

/// <summary>What the job result's <c>metadata</c> says about the content.</summary>
public sealed record DocumentMetadata(int Pages, int Words, string? Title, string? Author, string ContentType, bool Ocr);

/// <summary>A heading or bookmark; <see cref="Level"/> is 1 for top-level entries.</summary>
public sealed record OutlineEntry(string Title, int Level, int? Page);

/// <summary>A table as rows of cell texts, with the page it starts on where known.</summary>
public sealed record ParsedTable(int? Page, string[][] Rows);
