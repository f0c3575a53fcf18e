using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Auth;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Pages.Admin;

public sealed partial class JobsMonitor : IDisposable
{
    private static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(1);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly LiveJobList _list = new() { Query = new JobListQuery(Limit: 50) };
    private readonly CancellationTokenSource _cts = new();
    private Dictionary<string, string> _emails = [];
    private IDisposable? _subscription;
    private JobStats? _stats;
    private JobActivity? _activity;
    private int _statsStale;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private JobStatistics Statistics { get; set; } = default!;

    [Inject]
    private JobStatusFeed Feed { get; set; } = default!;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _subscription = Feed.SubscribeAll(OnChangeAsync);
        await LoadUsersAsync();
        _stats = await Statistics.GetAsync(_cts.Token);
        _activity = await Statistics.GetActivityAsync(12, _cts.Token);
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = RefreshStatsWhileOpenAsync();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();

        // Not disposed: a feed callback already in flight may still read the token.
        _cts.Cancel();
    }

    private static string Latency(LatencyFigures figures) =>
        $"{figures.P50.ToString("N0", Invariant)} / {figures.P95.ToString("N0", Invariant)} ms";

    private string OwnerEmail(string userId) => _emails.GetValueOrDefault(userId, userId);

    private Task LoadAsync() => _list.LoadAsync(_list.Query, FetchAsync);

    private Task LoadMoreAsync() => _list.LoadMoreAsync(FetchAsync);

    private Task FilterByStatusAsync(JobStatus? status) => _list.LoadAsync(_list.Query with { Status = status }, FetchAsync);

    private Task FilterByTypeAsync(JobType? type) => _list.LoadAsync(_list.Query with { Type = type }, FetchAsync);

    private Task<JobPage> FetchAsync(JobListQuery query) => Jobs.ListAsync(null, query, _cts.Token);

    private async Task LoadUsersAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        _emails = await users.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, _cts.Token);
    }

    private async Task OnChangeAsync(JobStatusChanged change)
    {
        Interlocked.Exchange(ref _statsStale, 1);
        try
        {
            await InvokeAsync(async () =>
            {
                if (!_emails.ContainsKey(change.Job.CreatedById))
                {
                    await LoadUsersAsync();
                    _emails.TryAdd(change.Job.CreatedById, change.Job.CreatedById);
                }

                if (_list.Apply(change))
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

    /// <summary>Statistics are aggregate queries: recompute them at most once a second, and only after a change.</summary>
    private async Task RefreshStatsWhileOpenAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(StatsInterval, Time);
            while (await timer.WaitForNextTickAsync(_cts.Token))
            {
                if (Interlocked.Exchange(ref _statsStale, 0) == 1)
                {
                    var stats = await Statistics.GetAsync(_cts.Token);
                    var activity = await Statistics.GetActivityAsync(12, _cts.Token);
                    await InvokeAsync(() =>
                    {
                        _stats = stats;
                        _activity = activity;
                        StateHasChanged();
                    });
                }
            }
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
