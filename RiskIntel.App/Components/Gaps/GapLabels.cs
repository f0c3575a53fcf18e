using MudBlazor;
using RiskIntel.Core.Gaps.Detection;

namespace RiskIntel.App.Components.Gaps;

/// <summary>How gap statuses read on screen: the contract's codes with one colour and icon each.</summary>
public static class GapLabels
{
    public static string Code(GapStatus status) => status.ToString().ToUpperInvariant();

    public static Color Color(GapStatus status) => status switch
    {
        GapStatus.Verified => MudBlazor.Color.Success,
        GapStatus.Partial => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };

    public static string Icon(GapStatus status) => status switch
    {
        GapStatus.Verified => Icons.Material.Filled.CheckCircle,
        GapStatus.Partial => Icons.Material.Filled.Adjust,
        _ => Icons.Material.Outlined.Cancel,
    };

    /// <summary>What the status means, for the analyst deciding what to write.</summary>
    public static string Meaning(GapStatus status) => status switch
    {
        GapStatus.Verified => "The documents state this with specific evidence.",
        GapStatus.Partial => "The documents mention this without enough detail.",
        _ => "The documents say nothing about this.",
    };
}
