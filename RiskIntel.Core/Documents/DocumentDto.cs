namespace RiskIntel.Core.Documents;

/// <summary>A document as the API lists it (SPEC §8.1).</summary>
public sealed record DocumentDto(
    Guid Id,
    Guid AssessmentId,
    string FileName,
    string ContentType,
    long Bytes,
    string Sha256,
    int? Pages,
    int? Words,
    bool Ocr,
    DocumentStatus Status,
    string? Error,
    Guid? ParseJobId,
    DateTime UploadedAt);

public static class DocumentMappings
{
    public static DocumentDto ToDto(this Document d) => new(
        d.Id, d.AssessmentId, d.FileName, d.ContentType, d.Bytes, d.Sha256, d.Pages, d.Words, d.Ocr, d.Status, d.Error, d.ParseJobId, d.UploadedAt);
}

/// <summary>The answer to an upload: accepted with its parse job, or why not.</summary>
public sealed record UploadResult(UploadOutcome Outcome, DocumentDto? Document = null, Jobs.JobDto? Job = null, string? Reason = null);

public enum UploadOutcome
{
    Accepted,
    AssessmentNotFound,
    TooLarge,
    Unsupported,
    Duplicate,
}

/// <summary>The PARSE_DOCUMENT job's input.</summary>
public sealed record ParseDocumentInput(Guid DocumentId, Guid AssessmentId, string FileName);
