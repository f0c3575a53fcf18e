namespace RiskIntel.Core.Documents;

/// <summary>
/// A file an analyst uploaded to an assessment. The bytes live in the file store under <see cref="StorageKey"/>
/// (never the user's name); the parsed text lives page by page in <see cref="DocumentPage"/> rows.
/// </summary>
public sealed class Document
{
    public const int MaxFileNameLength = 200;

    private Document()
    {
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>The sanitised name shown to users and offered on download.</summary>
    public string FileName { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Bytes { get; private set; }

    public string Sha256 { get; private set; } = "";

    public DocumentStatus Status { get; private set; }

    public string? Error { get; private set; }

    public int? Pages { get; private set; }

    public int? Words { get; private set; }

    public string? Title { get; private set; }

    public string? Author { get; private set; }

    public bool Ocr { get; private set; }

    public Guid? ParseJobId { get; private set; }

    public string UploadedById { get; private set; } = "";

    public DateTime UploadedAt { get; private set; }

    public DateTime? ParsedAt { get; private set; }

    public static Document Upload(Guid assessmentId, string fileName, string contentType, Files.StoredFile file, string userId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        AssessmentId = assessmentId,
        FileName = fileName,
        StorageKey = file.Key,
        ContentType = contentType,
        Bytes = file.Bytes,
        Sha256 = file.Sha256,
        Status = DocumentStatus.Parsing,
        UploadedById = userId,
        UploadedAt = now,
    };

    public void QueueParse(Guid jobId) => ParseJobId = jobId;

    public void MarkParsed(int pages, int words, string? title, string? author, bool ocr, DateTime now)
    {
        Status = DocumentStatus.Parsed;
        Error = null;
        Pages = pages;
        Words = words;
        Title = title;
        Author = author;
        Ocr = ocr;
        ParsedAt = now;
    }

    public void MarkFailed(string error, DateTime now)
    {
        Status = DocumentStatus.Failed;
        Error = error.Length > 2000 ? error[..1997] + "..." : error;
        ParsedAt = now;
    }
}

/// <summary>The parsed text of one page of a document.</summary>
public sealed class DocumentPage
{
    private DocumentPage()
    {
    }

    public DocumentPage(Guid documentId, int page, string text)
    {
        DocumentId = documentId;
        Page = page;
        Text = text;
    }

    public Guid DocumentId { get; private set; }

    public int Page { get; private set; }

    public string Text { get; private set; } = "";
}
