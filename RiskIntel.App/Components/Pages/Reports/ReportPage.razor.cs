using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Reports;
using RiskIntel.Core.Reports.Charts;

namespace RiskIntel.App.Components.Pages.Reports;

/// <summary>
/// The web report of one report version: the same model, charts and sections as its PDF, a table of contents,
/// print styles, the PDF download and a signed link; the assessment's other report versions stay listed.
/// </summary>
public sealed partial class ReportPage
{
    private List<BreadcrumbItem> _breadcrumbs = [];
    private ReportDto? _report;
    private ReportModel? _model;
    private RiskChart? _chart;
    private IReadOnlyList<ReportDto> _versions = [];
    private (Guid, Guid)? _loaded;
    private string _userId = "";
    private string _fileName = "";
    private string _path = "";
    private bool _loading = true;

    [Parameter]
    public Guid Id { get; set; }

    [Parameter]
    public Guid ReportId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ReportQueries Reports { get; set; } = default!;

    private string RadarDescription => "Category scores: " + string.Join("; ",
        _chart!.Radar.Axes.Select(a => $"{a.Label} {ChartFormat.Score(a.Score)} ({ChartFormat.Level(a.Level)})"));

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (Id, ReportId))
        {
            return;
        }

        _loaded = (Id, ReportId);
        _loading = true;
        _userId = (await AuthenticationState).User.GetUserId();
        _path = $"/assessments/{Id}/reports/{ReportId}";
        _versions = await Reports.ListAsync(Id, _userId, CancellationToken.None) ?? [];

        // The report must belong to the assessment in the address, not only to the user.
        var found = _versions.Any(v => v.ReportId == ReportId) ? await Reports.GetModelAsync(ReportId, _userId, CancellationToken.None) : null;
        (_report, _model) = found is { } f ? (f.Report, f.Model) : (null, null);
        _chart = _model is null ? null : RiskChart.From(_model.Analysis);
        _fileName = _model is null ? "" : $"{DocumentFileNames.Sanitise(_model.Title.CompanyName)} - risk report v{_report!.Version}.pdf";
        _breadcrumbs =
        [
            new("Assessments", "/assessments"),
            new(_model?.Title.AssessmentName ?? "Assessment", $"/assessments/{Id}"),
            new("Scorecard", $"/assessments/{Id}/scorecard"),
            new(_report is null ? "Report" : $"Report v{_report.Version}", null, disabled: true),
        ];
        _loading = false;
    }
}
