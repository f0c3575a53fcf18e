using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Gaps;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Components.Gaps;

/// <summary>
/// The analyst's review of the 35 gap fields: the list by category, the selected field beside the document text
/// with its evidence marked, corrections saved as they are typed (after a pause, in one batch), and the
/// submission that starts the risk analysis or lists the required fields still open.
/// </summary>
public sealed partial class GapReview : IAsyncDisposable
{
    /// <summary>The pause in typing after which corrections are saved.</summary>
    public static readonly TimeSpan SaveDelay = TimeSpan.FromMilliseconds(800);

    private readonly Dictionary<Guid, string> _drafts = [];
    private readonly Dictionary<Guid, CorrectionState> _states = [];
    private readonly CancellationTokenSource _cts = new();
    private List<GapFieldDto>? _fields;
    private IReadOnlyList<GapCategoryGroup> _groups = [];
    private GapFieldDto? _selected;
    private IReadOnlyList<string>? _missing;
    private DocumentTextView? _textView;
    private IJSObjectReference? _module;
    private ITimer? _timer;
    private string? _message;
    private Severity _messageSeverity;
    private int _loadedRevision = -1;
    private bool _saving;
    private bool _saveAgain;
    private bool _busy;
    private bool _revealPending;
    private bool _listShown;
    private bool _disposed;

    [Inject]
    private GapQueries Gaps { get; set; } = default!;

    [Inject]
    private GapReviewService Review { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public AssessmentDto Assessment { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<DocumentDto> Documents { get; set; } = [];

    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    /// <summary>The latest RISK_ANALYSIS job of the assessment, shown live once submitted.</summary>
    [Parameter]
    public JobDto? AnalysisJob { get; set; }

    /// <summary>Raised by the page when the stored fields changed (a detection finished): they are read again.</summary>
    [Parameter]
    public int Revision { get; set; }

    /// <summary>The selected field's key, e.g. <c>FINANCIAL.revenue</c> (kept in the URL by the page).</summary>
    [Parameter]
    public string? Field { get; set; }

    [Parameter]
    public EventCallback<string> FieldChanged { get; set; }

    private IReadOnlyList<DocumentDto> ParsedDocuments => [.. Documents.Where(d => d.Status == DocumentStatus.Parsed)];

    private int OpenRequired => _fields?.Count(GapGroups.IsOpenRequired) ?? 0;

    private List<string> StillMissing => [.. (_missing ?? []).Where(key => _fields?.FirstOrDefault(f => f.Field == key) is not { } f || GapGroups.IsOpenRequired(f))];

    private int Count(GapStatus status) => _fields?.Count(f => f.Status == status) ?? 0;

    private string DraftOf(GapFieldDto field) => _drafts.TryGetValue(field.Id, out var draft) ? draft : field.Correction ?? "";

    private CorrectionState StateOf(GapFieldDto field) => _states.GetValueOrDefault(field.Id);

    protected override async Task OnParametersSetAsync()
    {
        if (Revision != _loadedRevision)
        {
            _loadedRevision = Revision;
            Show(await Gaps.ListAsync(Assessment.Id, UserId, _cts.Token) ?? []);
        }

        if (_fields is { Count: > 0 } fields && Field is { } key && _selected?.Field != key && fields.Find(f => f.Field == key) is { } wanted)
        {
            _selected = wanted;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_listShown && _selected is { } selected)
        {
            // Opened on a field (a link, a reload): bring its row into the list's view once.
            _listShown = true;
            await CallAsync("showInList", $"[data-testid='gap-field-{selected.Field}']");
        }

        if (_revealPending)
        {
            _revealPending = false;
            await CallAsync("reveal", "#gap-detail-anchor");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _timer?.Dispose();

        // Leaving the page within the pause must not lose what was typed.
        await SaveDraftsAsync();
        _cts.Cancel();
        try
        {
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private void Refresh()
    {
        if (!_disposed)
        {
            StateHasChanged();
        }
    }

    private void Show(IReadOnlyList<GapFieldDto> fields)
    {
        _fields = [.. fields];
        _groups = GapGroups.Group(_fields);
        var key = _selected?.Field ?? Field;
        _selected = _fields.Find(f => f.Field == key) ?? _fields.Find(GapGroups.IsOpenRequired) ?? _fields.FirstOrDefault();
    }

    private async Task SelectAsync(GapFieldDto field)
    {
        _selected = field;
        _revealPending = true;
        await FieldChanged.InvokeAsync(field.Field);
    }

    private Task SelectKeyAsync(string key) =>
        _fields?.Find(f => f.Field == key) is { } field ? SelectAsync(field) : Task.CompletedTask;

    private Task ShowEvidenceAsync(Evidence evidence) => _textView?.ShowEvidenceAsync(evidence) ?? Task.CompletedTask;

    private void OnDraftChanged(string? text)
    {
        var id = _selected!.Id;
        _drafts[id] = text ?? "";
        _states[id] = CorrectionState.Pending;
        _timer ??= Time.CreateTimer(_ => _ = InvokeAsync(SaveDraftsAsync), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(SaveDelay, Timeout.InfiniteTimeSpan);
    }

    private Task RevealAsync(string selector) => CallAsync("reveal", selector);

    private async Task CallAsync(string function, string selector)
    {
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Gaps/GapReview.razor.js");
            if (_module is not null)
            {
                await _module.InvokeVoidAsync(function, selector);
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
