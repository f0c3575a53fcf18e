namespace RiskIntel.Core.Gaps.Detection.Offline;

internal enum SentenceKind
{
    Prose,
    Heading,
    TableRow,
}

/// <summary>
/// A unit of text the offline engine scores: a sentence, a heading or a table row, verbatim from its page
/// (runs of whitespace collapsed), with the section heading above it and, for a table row, the table's first row.
/// </summary>
internal sealed record Sentence(
    string Text,
    int Page,
    Guid DocumentId,
    SentenceKind Kind,
    string? Heading,
    string? TableHeader,
    int Order);
