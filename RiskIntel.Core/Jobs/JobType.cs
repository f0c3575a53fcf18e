namespace RiskIntel.Core.Jobs;

public enum JobType
{
    AiPreview,
    ParseDocument,
    GapDetection,
    RiskAnalysis,
    ReportGeneration,
}

public static class JobTypeExtensions
{
    /// <summary>Job types that call the AI model share a per-node concurrency limit.</summary>
    public static bool UsesAi(this JobType type) => type is JobType.AiPreview or JobType.GapDetection
        or JobType.RiskAnalysis or JobType.ReportGeneration;
}
