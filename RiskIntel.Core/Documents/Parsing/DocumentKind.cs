namespace RiskIntel.Core.Documents.Parsing;

/// <summary>The document types RiskIntel parses, decided by content (<see cref="DocumentFormatDetector"/>).</summary>
public enum DocumentKind
{
    Pdf,
    Docx,
    Text,
    Markdown,
}

/// <summary>The MIME content type of each format.</summary>
public static class DocumentContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Text = "text/plain";
    public const string Markdown = "text/markdown";

    public static string Of(DocumentKind format) => format switch
    {
        DocumentKind.Pdf => Pdf,
        DocumentKind.Docx => Docx,
        DocumentKind.Text => Text,
        DocumentKind.Markdown => Markdown,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
