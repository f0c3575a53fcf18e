using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Assessments;

/// <summary>
/// The risk assessment of one partner organisation. Its status follows the pipeline; every change goes through
/// a method here and bumps <see cref="Version"/>, the optimistic-concurrency token clients send back on update.
/// </summary>
public sealed class Assessment
{
    public const int MaxNameLength = 200;
    public const int MaxCountryLength = 100;

    private Assessment()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string CompanyName { get; private set; } = "";

    public string CompanyType { get; private set; } = "";

    public string? Country { get; private set; }

    public AssessmentStatus Status { get; private set; }

    public int Progress { get; private set; }

    public string? StatusMessage { get; private set; }

    public int Version { get; private set; }

    public double? OverallScore { get; private set; }

    public RiskLevel? OverallLevel { get; private set; }

    public string CreatedById { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Lower-cased name, partner, type and country: search matches the same way on every database.</summary>
    public string SearchText { get; private set; } = "";

    public static Assessment Create(AssessmentDetails details, string userId, DateTime now)
    {
        var assessment = new Assessment
        {
            Id = Guid.CreateVersion7(),
            Status = AssessmentStatus.Draft,
            StatusMessage = "Upload the partner's business plan to start.",
            Version = 1,
            CreatedById = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        assessment.Describe(details);
        return assessment;
    }

    public static string NormaliseSearch(string text) => text.Trim().ToLowerInvariant();

    public void Update(AssessmentDetails details, DateTime now)
    {
        Describe(details);
        Touch(now);
    }

    /// <summary>A pipeline step started or moved on: parsing, gap detection, scoring.</summary>
    public void Analyzing(int progress, string message, DateTime now) => Move(AssessmentStatus.Analyzing, progress, message, now);

    /// <summary>Gaps are detected: the analyst reviews them before risk can be scored.</summary>
    public void AwaitReview(string message, DateTime now) => Move(AssessmentStatus.ActionRequired, 60, message, now);

    public void Complete(double overallScore, RiskLevel level, string message, DateTime now)
    {
        OverallScore = overallScore;
        OverallLevel = level;
        Move(AssessmentStatus.Complete, 100, message, now);
    }

    public void Fail(string message, DateTime now) => Move(AssessmentStatus.Failed, Progress, message, now);

    /// <summary>
    /// A step that failed or was cancelled while earlier results exist hands the assessment back to where those
    /// results leave it: scored, at gap review, or a draft.
    /// </summary>
    public void Settle(string message, bool hasGaps, DateTime now)
    {
        var (status, progress) = OverallScore is not null ? (AssessmentStatus.Complete, 100)
            : hasGaps ? (AssessmentStatus.ActionRequired, 60)
            : (AssessmentStatus.Draft, 0);
        Move(status, progress, message, now);
    }

    private void Move(AssessmentStatus status, int progress, string message, DateTime now)
    {
        Status = status;
        Progress = Math.Clamp(progress, 0, 100);
        StatusMessage = message.Length > 500 ? message[..497] + "..." : message;
        Touch(now);
    }

    private void Describe(AssessmentDetails details)
    {
        Name = details.Name;
        CompanyName = details.CompanyName;
        CompanyType = details.CompanyType;
        Country = details.Country;
        SearchText = NormaliseSearch($"{Name} | {CompanyName} | {CompanyType} | {Country}");
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>What the analyst says about the partner; validated by the API before it gets here.</summary>
public sealed record AssessmentDetails(string Name, string CompanyName, string CompanyType, string? Country);
