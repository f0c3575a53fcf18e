using System.Text.Json;
using Microsoft.AspNetCore.Components;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Components.Prompts;

/// <summary>
/// Shows one AI_PREVIEW job live: subscribes to the in-process feed for its id, then re-reads the row so a
/// change that happened before the subscription is not missed (the row is the source of truth). Labels and
/// colours are the app's (<see cref="JobLabels"/>); the job counts as on screen, so it gets no snackbar.
/// </summary>
public sealed partial class PreviewJobView
{
    private IDisposable? _onScreen;
    private Guid _shown;
    private JobDto _job = null!;

    [Inject]
    private JobService Jobs { get; set; } = null!;

    [Inject]
    private JobsOnScreen OnScreen { get; set; } = null!;

    [Parameter]
    [EditorRequired]
    public JobDto Job { get; set; } = null!;

    /// <summary>Appended to the data-testid hooks, so two previews side by side stay distinguishable.</summary>
    [Parameter]
    public string TestIdSuffix { get; set; } = "";

    private AiPreviewResult? Result =>
        _job.Status == JobStatus.Completed && _job.Result is { } result
            ? result.Deserialize<AiPreviewResult>(ApiJson.Options)
            : null;

    protected override async Task OnParametersSetAsync()
    {
        if (_shown == Job.Id)
        {
            return;
        }

        _job = Job;
        _shown = Job.Id;
        _onScreen?.Dispose();
        _onScreen = OnScreen.Show(Job.Id);
        Follow(on => Feed.SubscribeJob(Job.Id, on));
        if (await Jobs.GetAsync(Job.Id, null, Cancellation) is { } stored)
        {
            Apply(stored);
        }
    }

    protected override Task<bool> ApplyAsync(JobStatusChanged change) => Task.FromResult(Apply(change.Job));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _onScreen?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Feed events and the re-read may arrive in either order: never step back from a finished state.</summary>
    private bool Apply(JobDto job)
    {
        if (job.Id != _job.Id || _job.IsTerminal || (!job.IsTerminal && job.UpdatedAt < _job.UpdatedAt))
        {
            return false;
        }

        _job = job;
        return true;
    }
}
