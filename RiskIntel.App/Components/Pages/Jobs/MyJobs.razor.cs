using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Pages.Jobs;

/// <summary>The signed-in user's jobs, live; the filters live in the address, so a filtered list survives a reload.</summary>
public sealed partial class MyJobs
{
    private const int PageSize = 25;

    private LiveJobList _list = null!;
    private string _userId = "";
    private JobListQuery? _loadedQuery;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "status")]
    private string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    private string? Type { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _userId = (await AuthenticationState).User.GetUserId();
        _list = new LiveJobList((query, ct) => Jobs.ListAsync(_userId, query, ct));
        Follow(on => Feed.SubscribeUser(_userId, on));
    }

    protected override async Task OnParametersSetAsync()
    {
        var query = JobListUrl.Parse(new JobListQuery(Limit: PageSize), Status, Type);
        if (query != _loadedQuery)
        {
            _loadedQuery = query;
            await _list.LoadAsync(query, Cancellation);
        }
    }

    protected override Task<bool> ApplyAsync(JobStatusChanged change) => Task.FromResult(_list.Apply(change));

    private void Filter(JobListQuery query) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(JobListUrl.Parameters(query)), replace: true);

    private void OpenJob(JobDto job) => Navigation.NavigateTo($"/jobs/{job.Id}");
}
