using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Pages.Dashboard;

public sealed partial class Dashboard
{
    private LiveJobList _recent = null!;
    private IReadOnlyDictionary<JobStatus, int> _counts = new Dictionary<JobStatus, int>();
    private string _userId = "";
    private string _name = "";

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private JobStatistics Statistics { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _userId = user.GetUserId();
        _name = (user.Identity?.Name ?? "").Split('@')[0];
        _recent = new LiveJobList((query, ct) => Jobs.ListAsync(_userId, query, ct)) { TrimToLimit = true };
        Follow(on => Feed.SubscribeUser(_userId, on));
        await _recent.LoadAsync(new JobListQuery(Limit: 5), Cancellation);
        _counts = await Statistics.CountByStatusAsync(_userId, Cancellation);
    }

    protected override async Task<bool> ApplyAsync(JobStatusChanged change)
    {
        var changed = _recent.Apply(change);
        if (change.IsTransition)
        {
            _counts = await Statistics.CountByStatusAsync(_userId, Cancellation);
            changed = true;
        }

        return changed;
    }

    private int Count(JobStatus status) => _counts.TryGetValue(status, out var count) ? count : 0;

    private void OpenJob(JobDto job) => Navigation.NavigateTo($"/jobs/{job.Id}");
}
