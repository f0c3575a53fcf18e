using System.Text.Json;
using MudBlazor;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Components.Jobs;

/// <summary>How jobs read on screen: the contract's UPPER_SNAKE codes, friendly type names, colours, short ids.</summary>
public static class JobLabels
{
    public static string Code(JobStatus status) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(status.ToString());

    public static string Code(JobType type) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(type.ToString());

    public static string Name(JobType type) => type switch
    {
        JobType.AiPreview => "AI preview",
        JobType.ParseDocument => "Parse document",
        JobType.GapDetection => "Gap detection",
        JobType.RiskAnalysis => "Risk analysis",
        JobType.ReportGeneration => "Report generation",
        _ => type.ToString(),
    };

    public static Color Color(JobStatus status) => status switch
    {
        JobStatus.Pending => MudBlazor.Color.Default,
        JobStatus.Processing => MudBlazor.Color.Info,
        JobStatus.Completed => MudBlazor.Color.Success,
        JobStatus.Failed => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Warning,
    };

    /// <summary>The alert severity of a status, in step with <see cref="Color"/>: a cancelled job is a warning, not an error.</summary>
    public static Severity Severity(JobStatus status) => status switch
    {
        JobStatus.Completed => MudBlazor.Severity.Success,
        JobStatus.Failed => MudBlazor.Severity.Error,
        JobStatus.Cancelled => MudBlazor.Severity.Warning,
        _ => MudBlazor.Severity.Info,
    };

    public static string Icon(JobStatus status) => status switch
    {
        JobStatus.Pending => Icons.Material.Outlined.Schedule,
        JobStatus.Processing => Icons.Material.Outlined.Autorenew,
        JobStatus.Completed => Icons.Material.Outlined.CheckCircle,
        JobStatus.Failed => Icons.Material.Outlined.ErrorOutline,
        _ => Icons.Material.Outlined.Block,
    };

    /// <summary>
    /// The last 8 hex digits: a UUIDv7 begins with its creation time, so its first digits are shared by every job of
    /// the same minute, while its last ones are random.
    /// </summary>
    public static string ShortId(Guid id) => id.ToString("N")[^8..];
}
