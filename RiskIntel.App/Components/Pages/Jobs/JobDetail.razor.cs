using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Pages.Jobs;

public sealed partial class JobDetail : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private List<BreadcrumbItem> _breadcrumbs = [];
    private IDisposable? _subscription;
    private string _userId = "";
    private JobDto? _job;
    private JobDto? _changedWhileLoading;
    private IReadOnlyList<JobEventDto> _events = [];
    private bool _loading = true;
    private bool _cancelling;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private JobStatusFeed Feed { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string NoResultText => _job?.Status switch
    {
        JobStatus.Pending or JobStatus.Processing => "The result appears here when the job completes.",
        _ => "This job produced no result.",
    };

    protected override async Task OnInitializedAsync() =>
        _userId = (await AuthenticationState).User.GetUserId();

    protected override async Task OnParametersSetAsync()
    {
        _subscription?.Dispose();
        _subscription = null;
        _loading = true;
        _breadcrumbs = [new("My jobs", "/jobs"), new(JobLabels.ShortId(Id), null, disabled: true)];

        // Subscribe before reading, so no change between the read and the subscription is missed; changes
        // are only shown once the read proved the job is this user's.
        _subscription = Feed.SubscribeJob(Id, OnChangeAsync);
        _job = await Jobs.GetAsync(Id, _userId, _cts.Token);
        _events = await Jobs.GetEventsAsync(Id, _userId, _cts.Token) ?? [];
        if (_job is null)
        {
            _subscription.Dispose();
            _subscription = null;
        }
        else if (_changedWhileLoading is { } newer && newer.UpdatedAt > _job.UpdatedAt)
        {
            _job = newer;
            await ReloadEventsAsync();
        }

        _changedWhileLoading = null;
        _loading = false;
    }

    public void Dispose()
    {
        _subscription?.Dispose();

        // Not disposed: a feed callback already in flight may still read the token.
        _cts.Cancel();
    }

    private async Task CancelAsync()
    {
        _cancelling = true;
        var result = await Jobs.CancelAsync(Id, _userId, _cts.Token);
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

    private async Task ReloadEventsAsync() => _events = await Jobs.GetEventsAsync(Id, _userId, _cts.Token) ?? _events;

    private async Task OnChangeAsync(JobStatusChanged change)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                if (_loading)
                {
                    _changedWhileLoading = change.Job;
                    return;
                }

                // Ignore changes of a job this user cannot see, and changes older than what is shown.
                if (_job is null || change.Job.Id != _job.Id || change.Job.UpdatedAt < _job.UpdatedAt)
                {
                    return;
                }

                _job = change.Job;
                if (change.IsTransition)
                {
                    await ReloadEventsAsync();
                }

                StateHasChanged();
            });
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }
}
