using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Assessments;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Components.Pages.Assessments;

/// <summary>
/// One assessment: its header, documents with upload, the pipeline's jobs on a timeline and the gap review.
/// Every step of the pipeline is a job whose input names the assessment, so the page follows the user's job
/// feed and re-reads the assessment (and its documents or gaps) when one of its jobs changes state.
/// </summary>
public sealed partial class AssessmentPage : IDisposable
{
    private const int TimelineLength = 50;

    private readonly CancellationTokenSource _cts = new();
    private List<BreadcrumbItem> _breadcrumbs = [];
    private AssessmentJobList _jobs = new(Guid.Empty);
    private AssessmentDto? _assessment;
    private IReadOnlyList<DocumentDto> _documents = [];
    private IDisposable? _subscription;
    private Guid _loadedId;
    private string _userId = "";
    private int _gapRevision;
    private bool _notFound;
    private bool _loading;
    private bool _changedWhileLoading;

    [Parameter]
    public Guid Id { get; set; }

    /// <summary><c>gaps</c> for the gap review; the documents tab otherwise.</summary>
    [Parameter]
    public string? Tab { get; set; }

    [SupplyParameterFromQuery(Name = "field")]
    public string? Field { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private AssessmentQueries Queries { get; set; } = default!;

    [Inject]
    private AssessmentService Assessments { get; set; } = default!;

    [Inject]
    private DocumentQueries DocumentQueries { get; set; } = default!;

    [Inject]
    private JobStatusFeed Feed { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private int TabIndex => string.Equals(Tab, "gaps", StringComparison.OrdinalIgnoreCase) ? 1 : 0;

    protected override async Task OnInitializedAsync()
    {
        _userId = (await AuthenticationState).User.GetUserId();

        // Subscribed before anything is read, so no change between a read and the subscription is missed.
        _subscription = Feed.SubscribeUser(_userId, OnChangeAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Id == _loadedId)
        {
            return;
        }

        _loadedId = Id;
        _loading = true;
        _jobs = new AssessmentJobList(Id);
        _jobs.BeginLoad();
        _assessment = await Queries.GetAsync(Id, _userId, _cts.Token);
        _notFound = _assessment is null;
        _breadcrumbs = [new("Assessments", "/assessments"), new(_assessment?.Name ?? "Not found", null, disabled: true)];
        if (_assessment is not null)
        {
            _documents = await DocumentQueries.ListAsync(Id, _userId, _cts.Token) ?? [];
            _jobs.Reset(await Queries.ListJobsAsync(Id, _userId, TimelineLength, _cts.Token) ?? []);
        }

        _loading = false;
        if (_changedWhileLoading)
        {
            _changedWhileLoading = false;
            await ReloadAsync();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();

        // Not disposed: a feed callback already in flight may still read the token.
        _cts.Cancel();
    }

    private async Task ReloadAsync()
    {
        _assessment = await Queries.GetAsync(Id, _userId, _cts.Token) ?? _assessment;
        _documents = await DocumentQueries.ListAsync(Id, _userId, _cts.Token) ?? _documents;
        _gapRevision++;
    }

    private void TabChanged(int index) =>
        Navigation.NavigateTo(index == 1 ? $"/assessments/{Id}/gaps" : $"/assessments/{Id}", replace: true);

    private void FieldSelected(string field) =>
        Navigation.NavigateTo($"/assessments/{Id}/gaps?field={Uri.EscapeDataString(field)}", replace: true);

    private async Task OnUploadedAsync(UploadResult result)
    {
        _documents = await DocumentQueries.ListAsync(Id, _userId, _cts.Token) ?? _documents;
        _assessment = await Queries.GetAsync(Id, _userId, _cts.Token) ?? _assessment;
    }

    private async Task OnChangeAsync(JobStatusChanged change)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                if (_loading)
                {
                    _changedWhileLoading |= AssessmentLabels.AssessmentIdOf(change.Job) == Id;
                }

                if (!_jobs.Apply(change))
                {
                    return;
                }

                if (change.IsTransition)
                {
                    await OnTransitionAsync(change.Job);
                }

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

    /// <summary>Each step moves the assessment on in the transaction that records the job's new state.</summary>
    private async Task OnTransitionAsync(JobDto job)
    {
        _assessment = await Queries.GetAsync(Id, _userId, _cts.Token) ?? _assessment;
        if (job.Type == JobType.ParseDocument)
        {
            _documents = await DocumentQueries.ListAsync(Id, _userId, _cts.Token) ?? _documents;
        }

        if (job.Type == JobType.GapDetection && job.IsTerminal)
        {
            _gapRevision++;
        }
    }
}
