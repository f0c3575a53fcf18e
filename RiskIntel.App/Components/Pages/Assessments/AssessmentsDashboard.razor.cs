using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Assessments;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Pages.Assessments;

/// <summary>
/// The analyst's landing page: counts by status, their assessments (search and status filter kept in the URL,
/// paged by cursor) and their recent jobs — all kept current from the job-status feed, since every step of an
/// assessment's pipeline is a job.
/// </summary>
public sealed partial class AssessmentsDashboard : IDisposable
{
    private const int PageSize = 10;

    private LiveJobList _recent = null!;
    private readonly CancellationTokenSource _cts = new();
    private List<AssessmentDto> _items = [];
    private AssessmentStats _stats = new(0, 0, 0, 0, 0, 0);
    private AssessmentListQuery? _loaded;
    private AssessmentStatus? _status;
    private string? _nextCursor;
    private IDisposable? _subscription;
    private string _userId = "";
    private string _name = "";
    private bool _loading = true;

    [SupplyParameterFromQuery(Name = "search")]
    public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string? Status { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private AssessmentQueries Queries { get; set; } = default!;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private JobStatusFeed Feed { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string EmptyText => _loaded is { Search: null, Status: null }
        ? "No assessments yet. Create one for a partner organisation, then upload its business plan."
        : "No assessments match the search or filter.";

    private IEnumerable<(string Title, int Count, AssessmentStatus? Status, string Icon, Color Color, string? Caption, string TestId)> Cards =>
    [
        ("Total", _stats.Total, null, Icons.Material.Outlined.FolderOpen, Color.Primary, _stats.Failed > 0 ? $"{_stats.Failed} failed" : null, "stat-total"),
        ("Drafts", _stats.Drafts, AssessmentStatus.Draft, AssessmentLabels.Icon(AssessmentStatus.Draft), Color.Default, null, "stat-drafts"),
        ("Analyzing", _stats.Analyzing, AssessmentStatus.Analyzing, AssessmentLabels.Icon(AssessmentStatus.Analyzing), Color.Info, null, "stat-analyzing"),
        ("Action required", _stats.ActionRequired, AssessmentStatus.ActionRequired, AssessmentLabels.Icon(AssessmentStatus.ActionRequired), Color.Warning, null, "stat-action-required"),
        ("Complete", _stats.Complete, AssessmentStatus.Complete, AssessmentLabels.Icon(AssessmentStatus.Complete), Color.Success, null, "stat-complete"),
    ];

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _userId = user.GetUserId();
        _name = (user.Identity?.Name ?? "").Split('@')[0];
        _subscription = Feed.SubscribeUser(_userId, OnChangeAsync);
        _recent = new LiveJobList((query, ct) => Jobs.ListAsync(_userId, query, ct)) { TrimToLimit = true };
        await _recent.LoadAsync(new JobListQuery(Limit: 5), _cts.Token);
    }

    protected override async Task OnParametersSetAsync()
    {
        _status = AssessmentLabels.ParseCode(Status);
        var query = new AssessmentListQuery(string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(), _status, null, PageSize);
        if (query == _loaded)
        {
            return;
        }

        _loading = true;
        var page = await Queries.ListAsync(_userId, query, _cts.Token);
        _items = [.. page.Items];
        _nextCursor = page.NextCursor;
        _loaded = query;
        _stats = await Queries.GetStatsAsync(_userId, _cts.Token);
        _loading = false;
    }

    public void Dispose()
    {
        _subscription?.Dispose();

        // Not disposed: a feed callback already in flight may still read the token.
        _cts.Cancel();
    }

    private string FilterHref(AssessmentStatus? status) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["status"] = status is { } s ? AssessmentLabels.Code(s) : null,
        });

    private void SearchChanged(string? search) => Navigation.NavigateTo(
        Navigation.GetUriWithQueryParameter("search", string.IsNullOrWhiteSpace(search) ? null : search), replace: true);

    private void StatusChanged(AssessmentStatus? status) => Navigation.NavigateTo(FilterHref(status), replace: true);

    private async Task LoadMoreAsync()
    {
        _loading = true;
        var page = await Queries.ListAsync(_userId, _loaded! with { Cursor = _nextCursor }, _cts.Token);
        _items.AddRange(page.Items.Where(a => !_items.Exists(b => b.Id == a.Id)));
        _nextCursor = page.NextCursor;
        _loading = false;
    }

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<AssessmentDialog> { { d => d.UserId, _userId } };
        var dialog = await Dialogs.ShowAsync<AssessmentDialog>("New assessment", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: AssessmentDto created })
        {
            Navigation.NavigateTo($"/assessments/{created.Id}");
        }
    }

    private async Task OnChangeAsync(JobStatusChanged change)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                var changed = _recent.Apply(change);
                if (change.IsTransition && AssessmentLabels.AssessmentIdOf(change.Job) is { } id)
                {
                    _stats = await Queries.GetStatsAsync(_userId, _cts.Token);
                    await RefreshRowAsync(id);
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

    /// <summary>A pipeline step moved an assessment on: show its new status, or let it leave (or enter) a status filter.</summary>
    private async Task RefreshRowAsync(Guid id)
    {
        var fresh = await Queries.GetAsync(id, _userId, _cts.Token);
        var index = _items.FindIndex(a => a.Id == id);
        var matches = fresh is not null && (_loaded?.Status is null || fresh.Status == _loaded.Status);
        if (index >= 0)
        {
            if (matches)
            {
                _items[index] = fresh!;
            }
            else
            {
                _items.RemoveAt(index);
            }
        }
        else if (matches && _loaded?.Search is null && (_nextCursor is null || (_items.Count > 0 && fresh!.CreatedAt > _items[^1].CreatedAt)))
        {
            var position = _items.FindIndex(a => a.CreatedAt < fresh!.CreatedAt);
            _items.Insert(position < 0 ? _items.Count : position, fresh!);
        }
    }
}
