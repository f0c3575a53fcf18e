using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using RiskIntel.Core.Documents;

namespace RiskIntel.App.Components.Gaps;

/// <summary>
/// The parsed text of the assessment's documents, one page at a time (pages are read on demand, so a long
/// document costs nothing until it is shown). When the selected field changes, the view turns to the page of
/// its first evidence, marks the quotes found on the page and scrolls the first mark into view.
/// </summary>
public sealed partial class DocumentTextView : IAsyncDisposable
{
    private readonly Dictionary<(Guid Document, int Page), string> _pages = [];
    private ElementReference _text;
    private IJSObjectReference? _module;
    private Guid _documentId;
    private int _page = 1;
    private object? _focused;
    private bool _loadingPage;
    private bool _scrollPending;

    [Inject]
    private DocumentQueries Queries { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid AssessmentId { get; set; }

    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    /// <summary>The parsed documents, oldest first.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<DocumentDto> Documents { get; set; } = [];

    /// <summary>The evidence of the selected field.</summary>
    [Parameter]
    public IReadOnlyList<Evidence> Evidence { get; set; } = [];

    /// <summary>Changes when another field is selected: the view then turns to that field's evidence.</summary>
    [Parameter]
    public object? FocusKey { get; set; }

    private DocumentDto? Current => Documents.FirstOrDefault(d => d.Id == _documentId);

    private int PageCount => Math.Max(1, Current?.Pages ?? 1);

    private string? PageText => _pages.GetValueOrDefault((_documentId, _page));

    private IEnumerable<string> QuotesOnPage => Evidence
        .Where(e => (e.DocumentId is null || e.DocumentId == _documentId) && (e.Page is null || e.Page == _page))
        .Select(e => e.Quote);

    private List<int> EvidencePages => [.. Evidence.Where(e => e.Page is not null && (e.DocumentId is null || e.DocumentId == _documentId))
        .Select(e => e.Page!.Value).Distinct().Order()];

    protected override async Task OnParametersSetAsync()
    {
        if (Documents.Count == 0)
        {
            return;
        }

        if (!Equals(FocusKey, _focused))
        {
            _focused = FocusKey;
            if (Evidence.FirstOrDefault(e => e.Page is not null && Documents.Any(d => d.Id == (e.DocumentId ?? _documentId))) is { } first)
            {
                await ShowAsync(first.DocumentId ?? _documentId, first.Page!.Value);
                return;
            }
        }

        // A re-render of the parent (a keystroke in the correction box) must not move the text the analyst is reading.
        if (Current is null)
        {
            await ShowAsync(Documents[0].Id, 1);
        }
        else if (!_pages.ContainsKey((_documentId, _page)))
        {
            await ShowAsync(_documentId, _page);
        }
    }

    /// <summary>Turns to the page of a piece of evidence, e.g. when the analyst picks one of several quotes.</summary>
    public async Task ShowEvidenceAsync(Evidence evidence)
    {
        if (evidence.Page is { } page)
        {
            await ShowAsync(evidence.DocumentId ?? _documentId, page);
            StateHasChanged();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_scrollPending || _loadingPage)
        {
            return;
        }

        _scrollPending = false;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Gaps/DocumentTextView.razor.js");
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("scrollToMark", _text);
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
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

    private Task ShowDocumentAsync(Guid documentId) => ShowAsync(documentId, 1);

    private Task ShowPageAsync(int page) => ShowAsync(_documentId, page);

    private async Task ShowAsync(Guid documentId, int page)
    {
        _documentId = Documents.Any(d => d.Id == documentId) ? documentId : Documents[0].Id;
        _page = Math.Clamp(page, 1, PageCount);
        _scrollPending = true;
        if (_pages.ContainsKey((_documentId, _page)))
        {
            return;
        }

        _loadingPage = true;
        try
        {
            var pages = await Queries.GetPagesAsync(AssessmentId, _documentId, UserId, _page, _page, CancellationToken.None) ?? [];
            _pages[(_documentId, _page)] = pages.Count > 0 ? pages[0].Text : "";
        }
        finally
        {
            _loadingPage = false;
        }
    }
}
