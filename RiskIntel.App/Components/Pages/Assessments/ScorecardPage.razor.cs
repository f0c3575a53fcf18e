using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Analysis;
using RiskIntel.App.Components.Assessments;
using RiskIntel.App.Components.Jobs;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;
using RiskIntel.Core.Reports;
using RiskIntel.Core.Reports.Charts;

namespace RiskIntel.App.Components.Pages.Assessments;

/// <summary>
/// The scorecard of one analysis version: the overall gauge, the radar, a card per category with its subcategories'
/// evidence, drivers and mitigations, editable recommendations and the discussion. It follows the user's job feed, so a
/// finished re-analysis is offered and a report job shows its progress without a reload.
/// </summary>
public sealed partial class ScorecardPage : LiveJobComponentBase
{
    private readonly HashSet<string> _expanded = new(StringComparer.Ordinal);
    private List<BreadcrumbItem> _breadcrumbs = [];
    private AssessmentJobList _jobs = new(Guid.Empty);
    private AssessmentDto? _assessment;
    private AnalysisDto? _analysis;
    private RiskChart? _chart;
    private IReadOnlyList<AnalysisVersionDto> _versions = [];
    private IReadOnlyList<ReportDto> _reports = [];
    private IReadOnlyList<DocumentDto> _documents = [];
    private AnalysisDiff? _diff;
    private int _compareFrom;
    private int? _newerVersion;
    private (Guid Id, int? Version)? _loaded;
    private string _userId = "";
    private string _userEmail = "";
    private bool _loading = true;
    private bool _requesting;

    [Parameter]
    public Guid Id { get; set; }

    /// <summary>The analysis version shown; the latest when absent.</summary>
    [SupplyParameterFromQuery(Name = "version")]
    public int? Version { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private AssessmentQueries Assessments { get; set; } = default!;

    [Inject]
    private AnalysisQueries Analyses { get; set; } = default!;

    [Inject]
    private ReportQueries ReportQueries { get; set; } = default!;

    [Inject]
    private ReportService ReportService { get; set; } = default!;

    [Inject]
    private DocumentQueries Documents { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private JobDto? ReportJob => _jobs.Latest(JobType.ReportGeneration);

    private string RadarDescription => "Category scores: " + string.Join("; ",
        _chart!.Radar.Axes.Select(a => $"{a.Label} {ChartFormat.Score(a.Score)} ({ChartFormat.Level(a.Level)})"));

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _userId = user.GetUserId();
        _userEmail = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? _userId;
        Follow(on => Feed.SubscribeUser(_userId, on));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (Id, Version))
        {
            return;
        }

        var newAssessment = _loaded?.Id != Id;
        _loaded = (Id, Version);
        _loading = true;
        if (newAssessment)
        {
            _jobs = new AssessmentJobList(Id);
            _jobs.BeginLoad();
            _expanded.Clear();
        }

        _assessment = await Assessments.GetAsync(Id, _userId, Cancellation);
        _breadcrumbs = [new("Assessments", "/assessments"), new(_assessment?.Name ?? "Not found", $"/assessments/{Id}"), new("Scorecard", null, disabled: true)];
        if (_assessment is not null)
        {
            if (newAssessment)
            {
                _documents = [.. (await Documents.ListAsync(Id, _userId, Cancellation) ?? []).Where(d => d.Status == DocumentStatus.Parsed)];
                _jobs.Reset(await Assessments.ListJobsAsync(Id, _userId, 50, Cancellation) ?? []);
                _reports = await ReportQueries.ListAsync(Id, _userId, Cancellation) ?? [];
            }

            await LoadAnalysisAsync();
        }

        _loading = false;
    }

    private async Task LoadAnalysisAsync()
    {
        _versions = await Analyses.ListVersionsAsync(Id, _userId, Cancellation) ?? [];
        SetAnalysis(await Analyses.GetAsync(Id, _userId, Version, Cancellation));
        _newerVersion = null;
        _diff = null;
    }

    private void SetAnalysis(AnalysisDto? analysis)
    {
        _analysis = analysis;
        _chart = analysis is null ? null : RiskChart.From(new RiskAnalysisResult(analysis.AnalysisId, analysis.Version, analysis.Engine,
            analysis.OverallScore, analysis.OverallLevel,
            [.. analysis.Scores.Select(c => new CategoryScore(c.Category, c.Score, c.Level, c.Subcategories, c.Narrative, []))]));
    }

    protected override async Task<bool> ApplyAsync(JobStatusChanged change)
    {
        if (!_jobs.Apply(change))
        {
            return false;
        }

        if (change.Job.Status == JobStatus.Completed && change.IsTransition)
        {
            if (change.Job.Type == JobType.ReportGeneration)
            {
                _reports = await ReportQueries.ListAsync(Id, _userId, Cancellation) ?? _reports;
            }
            else if (change.Job.Type == JobType.RiskAnalysis)
            {
                await OnAnalysedAsync();
            }
        }

        return true;
    }

    // Viewing the latest follows the new version at once; viewing an older one only offers the new one.
    private async Task OnAnalysedAsync()
    {
        if (Version is null || _analysis is null)
        {
            await LoadAnalysisAsync();
            return;
        }

        _versions = await Analyses.ListVersionsAsync(Id, _userId, Cancellation) ?? _versions;
        _newerVersion = _versions.Count > 0 && _versions[0].Version > _analysis.Version ? _versions[0].Version : null;
    }
}
