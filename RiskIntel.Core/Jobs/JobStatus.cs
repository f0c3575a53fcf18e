namespace RiskIntel.Core.Jobs;

public enum JobStatus
{
    Pending,
    Processing,
    Completed,
    Failed,
    Cancelled,
}
