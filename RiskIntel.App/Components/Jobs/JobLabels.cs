using System.Globalization;
using System.Text.Json;
using MudBlazor;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Components.Jobs;

/// <summary>How jobs read on screen: the contract's UPPER_SNAKE status, friendly type names, colours, times.</summary>
public static class JobLabels
{
    public static string Code(JobStatus status) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(status.ToString());

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

    public static string Icon(JobStatus status) => status switch
    {
        JobStatus.Pending => Icons.Material.Outlined.Schedule,
        JobStatus.Processing => Icons.Material.Outlined.Autorenew,
        JobStatus.Completed => Icons.Material.Outlined.CheckCircle,
        JobStatus.Failed => Icons.Material.Outlined.ErrorOutline,
        _ => Icons.Material.Outlined.Block,
    };

    public static string Time(DateTime? at) =>
        at is { } value ? value.ToString("d MMM yyyy, HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "—";

    /// <summary>Compact, sortable-looking form for table cells (the column header says UTC).</summary>
    public static string ShortTime(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string ShortId(Guid id) => id.ToString("N")[..8];

    /// <summary>Job errors begin with their kind; anything after a stack-trace marker is for the logs, not for people.</summary>
    public static string ReadableError(string error)
    {
        var trace = error.IndexOf("\n   at ", StringComparison.Ordinal);
        return (trace < 0 ? error : error[..trace]).Trim();
    }
}
