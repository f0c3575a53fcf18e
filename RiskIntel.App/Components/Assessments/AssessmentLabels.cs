using System.Text.Json;
using MudBlazor;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Components.Assessments;

/// <summary>How assessments read on screen: status names and colours, the partner line, and which jobs belong to one.</summary>
public static class AssessmentLabels
{
    public static string Code(AssessmentStatus status) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(status.ToString());

    /// <summary>The status filter in a URL is the API's code, <c>ACTION_REQUIRED</c>.</summary>
    public static AssessmentStatus? ParseCode(string? code) =>
        Enum.GetValues<AssessmentStatus>().Cast<AssessmentStatus?>().FirstOrDefault(s => string.Equals(Code(s!.Value), code, StringComparison.OrdinalIgnoreCase));

    public static string Name(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "Draft",
        AssessmentStatus.Analyzing => "Analyzing",
        AssessmentStatus.ActionRequired => "Action required",
        AssessmentStatus.Complete => "Complete",
        _ => "Failed",
    };

    public static Color Color(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => MudBlazor.Color.Default,
        AssessmentStatus.Analyzing => MudBlazor.Color.Info,
        AssessmentStatus.ActionRequired => MudBlazor.Color.Warning,
        AssessmentStatus.Complete => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Error,
    };

    public static string Icon(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => Icons.Material.Outlined.EditNote,
        AssessmentStatus.Analyzing => Icons.Material.Outlined.Autorenew,
        AssessmentStatus.ActionRequired => Icons.Material.Outlined.RateReview,
        AssessmentStatus.Complete => Icons.Material.Outlined.CheckCircle,
        _ => Icons.Material.Outlined.ErrorOutline,
    };

    /// <summary>"Cooperative · Kenya".</summary>
    public static string Kind(AssessmentDto assessment) =>
        string.Join(" · ", new[] { assessment.CompanyType, assessment.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>The assessment a pipeline job works on: every assessment step names it in its input.</summary>
    public static Guid? AssessmentIdOf(JobDto job) =>
        job.Input.ValueKind == JsonValueKind.Object
        && job.Input.TryGetProperty("assessmentId", out var id) && id.ValueKind == JsonValueKind.String && id.TryGetGuid(out var value)
            ? value
            : null;

    /// <summary>The file a PARSE_DOCUMENT job reads, for the timeline.</summary>
    public static string? FileNameOf(JobDto job) =>
        job.Input.ValueKind == JsonValueKind.Object && job.Input.TryGetProperty("fileName", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
}
