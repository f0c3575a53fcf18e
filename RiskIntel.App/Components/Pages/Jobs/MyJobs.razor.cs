using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Pages.Jobs;

public sealed partial class MyJobs : IDisposable
{
    private const int PageSize = 25;

    private readonly LiveJobList _list = new();
    private readonly CancellationTokenSource _cts = new();
    private IDisposable? _subscription;
    private string _userId = "";
    private JobStatus? _status;
    private JobType? _type;
    private bool _loading = true;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private JobStatusFeed Feed { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _userId = (await AuthenticationState).User.GetUserId();
        _subscription = Feed.SubscribeUser(_userId, OnChangeAsync);
        await LoadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();

        // Not disposed: a feed callback already in flight may still read the token.
        _cts.Cancel();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _list.BeginLoad();
        var query = new JobListQuery(_status, _type, Limit: PageSize);
        _list.Reset(query, await Jobs.ListAsync(_userId, query, _cts.Token));
        _loading = false;
    }

    private async Task LoadMoreAsync()
    {
        _loading = true;
        _list.Append(await Jobs.ListAsync(_userId, _list.Query with { Cursor = _list.NextCursor }, _cts.Token));
        _loading = false;
    }

    private async Task FilterByStatusAsync(JobStatus? status)
    {
        _status = status;
        await LoadAsync();
    }

    private async Task FilterByTypeAsync(JobType? type)
    {
        _type = type;
        await LoadAsync();
    }

    private void OpenJob(JobDto job) => Navigation.NavigateTo($"/jobs/{job.Id}");

    private async Task OnChangeAsync(JobStatusChanged change)
    {
        try
        {
            await InvokeAsync(() =>
            {
                if (_list.Apply(change))
                {
                    StateHasChanged();
                }
            });
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }
}
