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

    private readonly LiveJobList _list = new() { Query = new JobListQuery(Limit: PageSize) };
    private readonly CancellationTokenSource _cts = new();
    private IDisposable? _subscription;
    private string _userId = "";

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

    private Task LoadAsync() => _list.LoadAsync(_list.Query, FetchAsync);

    private Task LoadMoreAsync() => _list.LoadMoreAsync(FetchAsync);

    private Task FilterByStatusAsync(JobStatus? status) => _list.LoadAsync(_list.Query with { Status = status }, FetchAsync);

    private Task FilterByTypeAsync(JobType? type) => _list.LoadAsync(_list.Query with { Type = type }, FetchAsync);

    private Task<JobPage> FetchAsync(JobListQuery query) => Jobs.ListAsync(_userId, query, _cts.Token);

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
