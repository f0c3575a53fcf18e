using System.Globalization;
using Microsoft.AspNetCore.Components;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Pages.Admin;

/// <summary>Every user's jobs, live, with queue statistics; a row opens the job's page. Filters live in the address.</summary>
public sealed partial class JobsMonitor
{
    private const int PageSize = 50;
    private static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(1);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private LiveJobList _list = null!;
    private JobListQuery? _loadedQuery;
    private Dictionary<string, string> _emails = [];
    private JobStats? _stats;
    private JobActivity? _activity;
    private int _statsStale;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private JobStatistics Statistics { get; set; } = default!;

    [Inject]
    private JobOwners Owners { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "status")]
    private string? Status { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    private string? Type { get; set; }

    [SupplyParameterFromQuery(Name = "owner")]
    private string? Owner { get; set; }

    [SupplyParameterFromQuery(Name = "error")]
    private string? Error { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _list = new LiveJobList((query, ct) => Jobs.ListAsync(null, query, ct));
        Follow(Feed.SubscribeAll);
        await LoadUsersAsync();
        _stats = await Statistics.GetAsync(Cancellation);
        _activity = await Statistics.GetActivityAsync(12, Cancellation);
    }

    protected override async Task OnParametersSetAsync()
    {
        var query = JobListUrl.Parse(new JobListQuery(Limit: PageSize), Status, Type, Owner, Error);
        if (query != _loadedQuery)
        {
            _loadedQuery = query;
            await _list.LoadAsync(query, Cancellation);
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = RefreshStatsWhileOpenAsync();
        }
    }

    protected override async Task<bool> ApplyAsync(JobStatusChanged change)
    {
        Interlocked.Exchange(ref _statsStale, 1);
        if (!_emails.ContainsKey(change.Job.CreatedById))
        {
            await LoadUsersAsync();
            _emails.TryAdd(change.Job.CreatedById, change.Job.CreatedById);
        }

        return _list.Apply(change);
    }

    private static string Latency(LatencyFigures figures) =>
        $"{figures.P50.ToString("N0", Invariant)} / {figures.P95.ToString("N0", Invariant)} ms";

    private string OwnerEmail(string userId) => _emails.GetValueOrDefault(userId, userId);

    private void Filter(JobListQuery query) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(JobListUrl.Parameters(query)), replace: true);

    private void OpenJob(JobDto job) => Navigation.NavigateTo($"/jobs/{job.Id}");

    private async Task LoadUsersAsync() => _emails = await Owners.EmailsAsync(Cancellation);

    /// <summary>Statistics are aggregate queries: recompute them at most once a second, and only after a change.</summary>
    private async Task RefreshStatsWhileOpenAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(StatsInterval, Time);
            while (await timer.WaitForNextTickAsync(Cancellation))
            {
                if (Interlocked.Exchange(ref _statsStale, 0) == 1)
                {
                    var stats = await Statistics.GetAsync(Cancellation);
                    var activity = await Statistics.GetActivityAsync(12, Cancellation);
                    await InvokeAsync(() =>
                    {
                        _stats = stats;
                        _activity = activity;
                        StateHasChanged();
                    });
                }
            }
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }
}
