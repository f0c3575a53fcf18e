using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using RiskIntel.Core.Prompts;
using RiskIntel.Core;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Execution;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Prompts;

/// <summary>
/// Shows one AI_PREVIEW job live: subscribes to the in-process feed for its id, then re-reads the row so a
/// change that happened before the subscription is not missed (the row is the source of truth).
/// </summary>
public sealed partial class PreviewJobView
{
    private IDisposable? _subscription;
    private Guid _subscribedTo;
    private JobDto _job = null!;

    [Inject]
    private JobStatusFeed Feed { get; set; } = null!;

    [Inject]
    private JobService Jobs { get; set; } = null!;

    [Parameter]
    [EditorRequired]
    public JobDto Job { get; set; } = null!;

    /// <summary>Appended to the data-testid hooks, so two previews side by side stay distinguishable.</summary>
    [Parameter]
    public string TestIdSuffix { get; set; } = "";

    private string StatusText => JsonNamingPolicy.SnakeCaseUpper.ConvertName(_job.Status.ToString());

    private Color StatusColor => _job.Status switch
    {
        JobStatus.Completed => Color.Success,
        JobStatus.Failed or JobStatus.Cancelled => Color.Error,
        JobStatus.Processing => Color.Info,
        _ => Color.Default,
    };

    private AiPreviewResult? Result =>
        _job.Status == JobStatus.Completed && _job.Result is { } result
            ? result.Deserialize<AiPreviewResult>(ApiJson.Options)
            : null;

    public void Dispose() => _subscription?.Dispose();

    protected override async Task OnParametersSetAsync()
    {
        if (_subscribedTo == Job.Id)
        {
            return;
        }

        _subscription?.Dispose();
        _job = Job;
        _subscribedTo = Job.Id;
        _subscription = Feed.SubscribeJob(Job.Id, OnChangeAsync);
        if (await Jobs.GetAsync(Job.Id, null, CancellationToken.None) is { } stored)
        {
            Apply(stored);
        }
    }

    private async Task OnChangeAsync(JobStatusChanged change)
    {
        try
        {
            await InvokeAsync(() =>
            {
                Apply(change.Job);
                StateHasChanged();
            });
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    /// <summary>Feed events and the re-read may arrive in either order: never step back from a finished state.</summary>
    private void Apply(JobDto job)
    {
        if (job.Id == _job.Id && !_job.IsTerminal && (job.IsTerminal || job.UpdatedAt >= _job.UpdatedAt))
        {
            _job = job;
        }
    }
}
