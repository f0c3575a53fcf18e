using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Assessments;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Portfolio;
using RiskIntel.Core.Risk;

namespace RiskIntel.App.Components.Pages.Portfolio;

/// <summary>
/// The heat map of the analyst's assessments. Filters and sort live in the URL, so a view can be shared and the back
/// button works; a pipeline step that ends (a new analysis above all) updates its row from the job-status feed.
/// </summary>
public sealed partial class PortfolioPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<PortfolioRow> _rows = [];
    private IReadOnlyList<string> _countries = [];
    private IReadOnlySet<RiskLevel> _levels = new HashSet<RiskLevel>();
    private string? _country;
    private PortfolioSort _sort = PortfolioSort.Overall;
    private bool _descending = true;
    private (string? Levels, string? Country)? _loaded;
    private IDisposable? _subscription;
    private string _userId = "";
    private bool _loading = true;

    [SupplyParameterFromQuery(Name = "level")]
    public string? Level { get; set; }

    [SupplyParameterFromQuery(Name = "country")]
    public string? Country { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? SortColumn { get; set; }

    [SupplyParameterFromQuery(Name = "desc")]
    public string? Desc { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private PortfolioQueries Queries { get; set; } = default!;

    [Inject]
    private JobStatusFeed Feed { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private bool Filtered => _levels.Count > 0 || _country is not null;

    private string Summary
    {
        get
        {
            var scored = _rows.Count(r => r.IsAnalyzed);
            var shown = _rows.Count == 1 ? "1 assessment" : $"{_rows.Count.ToString(CultureInfo.InvariantCulture)} assessments";
            return _rows.Count == 0 ? "" : $"{shown} · {scored.ToString(CultureInfo.InvariantCulture)} scored";
        }
    }

    private PortfolioQuery Query => new(_levels, _country, _sort, _descending);

    protected override async Task OnInitializedAsync()
    {
        _userId = (await AuthenticationState).User.GetUserId();
        _subscription = Feed.SubscribeUser(_userId, OnChangeAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        _levels = PortfolioLevels.TryParse(Level, out var levels) ? levels : new HashSet<RiskLevel>();
        _country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim();
        var sorted = PortfolioSort.TryParse(SortColumn, out var sort) ? sort : null;
        _sort = sorted ?? PortfolioSort.Overall;
        _descending = sorted is null || string.Equals(Desc, "true", StringComparison.OrdinalIgnoreCase);

        var filter = (PortfolioLevels.Format(_levels), _country);
        if (filter == _loaded)
        {
            _rows = PortfolioOrder.Apply(_rows, _sort, _descending);
            return;
        }

        _loading = true;
        var view = await Queries.ListAsync(_userId, Query, _cts.Token);
        (_rows, _countries, _loaded, _loading) = (view.Items, view.Countries, filter, false);
    }

    public void Dispose()
    {
        _subscription?.Dispose();

        // Not disposed: a feed callback already in flight may still read the token.
        _cts.Cancel();
    }

    private void SortBy(PortfolioSort sort)
    {
        var descending = sort == _sort ? !_descending : sort.DescendingByDefault;
        Navigate(new() { ["sort"] = sort.Code, ["desc"] = descending ? "true" : null });
    }

    private void LevelsChanged(IReadOnlySet<RiskLevel> levels) => Navigate(new() { ["level"] = PortfolioLevels.Format(levels) });

    private void CountryChanged(string? country) => Navigate(new() { ["country"] = country });

    private void ClearFilters() => Navigate(new() { ["level"] = null, ["country"] = null });

    private void Navigate(Dictionary<string, object?> changes) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(changes), replace: true);

    private async Task OnChangeAsync(JobStatusChanged change)
    {
        if (!change.IsTransition || AssessmentLabels.AssessmentIdOf(change.Job) is not { } id)
        {
            return;
        }

        try
        {
            await InvokeAsync(async () =>
            {
                await RefreshRowAsync(id);
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

    /// <summary>A step moved an assessment on: show its new scores and status, or let it leave (or enter) the filtered view.</summary>
    private async Task RefreshRowAsync(Guid id)
    {
        var fresh = await Queries.GetAsync(id, _userId, _cts.Token);
        var others = _rows.Where(r => r.Id != id);
        _rows = PortfolioOrder.Apply(fresh is not null && Query.Matches(fresh) ? others.Append(fresh) : others, _sort, _descending);
    }
}
