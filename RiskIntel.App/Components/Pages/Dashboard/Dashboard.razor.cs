using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Pages.Dashboard;

public sealed partial class Dashboard : IDisposable
{
    private readonly LiveJobList _recent = new() { TrimToLimit = true };
    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyDictionary<JobStatus, int> _counts = new Dictionary<JobStatus, int>();
    private IDisposable? _subscription;
    private string _userId = "";
    private string _name = "";

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private JobStatistics Statistics { get; set; } = default!;

    [Inject]
    private JobStatusFeed Feed { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _userId = user.GetUserId();
        _name = (user.Identity?.Name ?? "").Split('@')[0];
        _subscription = Feed.SubscribeUser(_userId, OnChangeAsync);
        _recent.BeginLoad();
        var query = new JobListQuery(Limit: 5);
        _recent.Reset(query, await Jobs.ListAsync(_userId, query, _cts.Token));
        _counts = await Statistics.CountByStatusAsync(_userId, _cts.Token);
    }

    public void Dispose()
    {
        _subscription?.Dispose();

        // Not disposed: a feed callback already in flight may still read the token.
        _cts.Cancel();
    }

    private int Count(JobStatus status) => _counts.TryGetValue(status, out var count) ? count : 0;

    private void OpenJob(JobDto job) => Navigation.NavigateTo($"/jobs/{job.Id}");

    private async Task OnChangeAsync(JobStatusChanged change)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                var changed = _recent.Apply(change);
                if (change.IsTransition)
                {
                    _counts = await Statistics.CountByStatusAsync(_userId, _cts.Token);
                    changed = true;
                }

                if (changed)
                {
                    StateHasChanged();
                }
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
