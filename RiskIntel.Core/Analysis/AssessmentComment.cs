namespace RiskIntel.Core.Analysis;

/// <summary>A comment in the threaded discussion of an assessment's analysis.</summary>
public sealed class AssessmentComment
{
    public const int MaxContentLength = 4000;

    private AssessmentComment()
    {
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    public Guid? ParentId { get; private set; }

    public string Content { get; private set; } = "";

    public string AuthorId { get; private set; } = "";

    public string AuthorEmail { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static AssessmentComment Post(Guid assessmentId, Guid? parentId, string content, string authorId, string authorEmail, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        AssessmentId = assessmentId,
        ParentId = parentId,
        Content = content.Trim(),
        AuthorId = authorId,
        AuthorEmail = authorEmail,
        CreatedAt = now,
    };
}
