using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Auth;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Pages.Jobs;

/// <summary>
/// One job, live: status, progress, times, error, result (the view registered for its type), input and timeline.
/// Owners see their own jobs; admins see anyone's, with the owner named.
/// </summary>
public sealed partial class JobDetail
{
    private List<BreadcrumbItem> _breadcrumbs = [];
    private IDisposable? _onScreen;
    private string _userId = "";
    private bool _isAdmin;
    private JobDto? _job;
    private JobDto? _changedWhileLoading;
    private IReadOnlyList<JobEventDto> _events = [];
    private string _label = "";
    private string _title = "Job";
    private string? _ownerEmail;
    private bool _loading = true;
    private bool _cancelling;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private JobViews Views { get; set; } = default!;

    [Inject]
    private JobsOnScreen OnScreen { get; set; } = default!;

    [Inject]
    private JobOwners Owners { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Whose jobs this viewer may read: their own, or (admins) everyone's.</summary>
    private string? Scope => _isAdmin ? null : _userId;

    private string NoResultText => _job?.Status switch
    {
        JobStatus.Pending or JobStatus.Processing => "The result appears here when the job completes.",
        _ => "This job produced no result.",
    };

    private IEnumerable<(string Label, DateTime? At)> Times =>
        [("Created", _job!.CreatedAt), ("Started", _job.StartedAt), ("Finished", _job.CompletedAt), ("Updated", _job.UpdatedAt)];

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _userId = user.GetUserId();
        _isAdmin = user.IsInRole(Roles.Admin);
    }

    protected override async Task OnParametersSetAsync()
    {
        _onScreen?.Dispose();
        _onScreen = OnScreen.Show(Id);
        _loading = true;
        _title = $"Job {JobLabels.ShortId(Id)}";

        // Subscribe before reading, so no change between the read and the subscription is missed; changes
        // are only shown once the read proved this viewer may see the job.
        Follow(on => Feed.SubscribeJob(Id, on));
        _job = await Jobs.GetAsync(Id, Scope, Cancellation);
        _events = await Jobs.GetEventsAsync(Id, Scope, Cancellation) ?? [];
        if (_job is null)
        {
            Unfollow();
        }
        else
        {
            if (_changedWhileLoading is { } newer && newer.UpdatedAt > _job.UpdatedAt)
            {
                _job = newer;
                await ReloadEventsAsync();
            }

            await DescribeAsync(_job);
        }

        _changedWhileLoading = null;
        _loading = false;
    }

    protected override async Task<bool> ApplyAsync(JobStatusChanged change)
    {
        if (_loading)
        {
            _changedWhileLoading = change.Job;
            return false;
        }

        // Ignore changes of a job this viewer cannot see, and changes older than what is shown.
        if (_job is null || change.Job.Id != _job.Id || change.Job.UpdatedAt < _job.UpdatedAt)
        {
            return false;
        }

        _job = change.Job;
        if (change.IsTransition)
        {
            await ReloadEventsAsync();
        }

        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _onScreen?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task DescribeAsync(JobDto job)
    {
        _label = await Views.LabelAsync(job, Cancellation);
        _title = $"{_label} · {JobLabels.ShortId(job.Id)}";
        var mine = job.CreatedById == _userId;
        _ownerEmail = mine ? null : await Owners.EmailAsync(job.CreatedById, Cancellation) ?? job.CreatedById;
        _breadcrumbs = mine
            ? [new("My jobs", "/jobs"), new(JobLabels.ShortId(job.Id), null, disabled: true)]
            : [new("Jobs monitor", "/admin/jobs"), new(JobLabels.ShortId(job.Id), null, disabled: true)];
    }

    private async Task CancelAsync()
    {
        _cancelling = true;
        // Only the owner cancels, as over the API; an admin follows other people's jobs without stopping them.
        var result = await Jobs.CancelAsync(Id, _userId, Cancellation);
        _cancelling = false;
        if (result.Job is { } job && (_job is null || job.UpdatedAt >= _job.UpdatedAt))
        {
            _job = job;
        }

        var (message, severity) = result.Outcome switch
        {
            CancelOutcome.Accepted when result.Job?.Status == JobStatus.Cancelled => ("The job was cancelled.", Severity.Success),
            CancelOutcome.Accepted => ("Cancellation requested: the job stops at its next checkpoint.", Severity.Info),
            CancelOutcome.AlreadyFinished => ("The job had already finished; nothing was cancelled.", Severity.Warning),
            _ => ("The job no longer exists.", Severity.Error),
        };
        Snackbar.Add(message, severity);
        await ReloadEventsAsync();
    }

    private async Task ReloadEventsAsync() => _events = await Jobs.GetEventsAsync(Id, Scope, Cancellation) ?? _events;
}
