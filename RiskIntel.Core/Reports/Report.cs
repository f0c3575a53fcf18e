namespace RiskIntel.Core.Reports;

/// <summary>One generated report version of an assessment: a PDF in the file store, tied to the analysis version it shows.</summary>
public sealed class Report
{
    private Report()
    {
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    public int Version { get; private set; }

    public Guid AnalysisId { get; private set; }

    public int AnalysisVersion { get; private set; }

    public string StorageKey { get; private set; } = "";

    public int Pages { get; private set; }

    public long Bytes { get; private set; }

    public string Sha256 { get; private set; } = "";

    public string CreatedById { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static Report Record(Guid assessmentId, ReportGenerationResult result, string userId, DateTime now) => new()
    {
        Id = result.ReportId,
        AssessmentId = assessmentId,
        Version = result.Version,
        AnalysisId = result.AnalysisId,
        AnalysisVersion = result.AnalysisVersion,
        StorageKey = ReportGenerationResult.StorageKeyOf(result.ReportId),
        Pages = result.Pages,
        Bytes = result.Bytes,
        Sha256 = result.Sha256,
        CreatedById = userId,
        CreatedAt = now,
    };
}

/// <summary>The REPORT_GENERATION job's input: the assessment and the analysis version to report on (the latest when null).</summary>
public sealed record ReportGenerationInput(Guid AssessmentId, int? AnalysisVersion = null);

/// <summary>The REPORT_GENERATION result (SPEC §4), plus what the completion handler stores.</summary>
public sealed record ReportGenerationResult(
    Guid ReportId,
    string ReportUrl,
    int Version,
    int Pages,
    long Bytes,
    Guid AnalysisId,
    int AnalysisVersion,
    string Sha256)
{
    public static string UrlOf(Guid reportId) => $"/api/reports/{reportId}/pdf";

    /// <summary>The report's file: one key per report id, so a retried job rewrites the same file.</summary>
    public static string StorageKeyOf(Guid reportId) => $"reports/{reportId:N}.pdf";
}

/// <summary>A report as the API lists it.</summary>
public sealed record ReportDto(Guid ReportId, int Version, int AnalysisVersion, int Pages, long Bytes, string ReportUrl, DateTime CreatedAt);
