using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using RiskIntel.Core.Reports;

namespace RiskIntel.App.Components.Reports;

/// <summary>
/// The report's actions: download the PDF with progress (fetched by a collocated module, since the CSP allows no
/// inline script), copy an expiring signed link for someone without an account, print the web report.
/// </summary>
public sealed partial class ReportToolbar : IAsyncDisposable
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    private IJSObjectReference? _module;
    private DotNetObjectReference<ReportToolbar>? _self;
    private (string Url, DateTimeOffset ExpiresAt)? _link;
    private string _state = "idle";
    private string? _error;
    private long _received;
    private long _total;
    private double _percent;
    private bool _downloading;
    private bool _linking;
    private bool _copied;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ReportQueries Reports { get; set; } = default!;

    [Inject]
    private ReportLinks Links { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter, EditorRequired]
    public ReportDto Report { get; set; } = default!;

    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    [Parameter, EditorRequired]
    public string FileName { get; set; } = "";

    private string ProgressText => _total > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{_percent:0}%")
        : ReportSizes.Text(_received);

    [JSInvokable]
    public void OnProgress(long received, long total)
    {
        _received = received;
        _total = total;
        _percent = total > 0 ? Math.Min(100, 100.0 * received / total) : 0;
        StateHasChanged();
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Reports/ReportToolbar.razor.js");

    private async Task DownloadAsync()
    {
        _downloading = true;
        _error = null;
        _received = _total = 0;
        _percent = 0;
        _state = "downloading";
        try
        {
            _self ??= DotNetObjectReference.Create(this);
            await (await ModuleAsync()).InvokeVoidAsync("download", Report.ReportUrl, FileName, _self);
            _state = "done";
        }
        catch (JSException ex)
        {
            _error = ex.Message.Split('\n')[0];
            _state = "failed";
        }
        finally
        {
            _downloading = false;
        }
    }

    private async Task CopyLinkAsync()
    {
        _linking = true;
        try
        {
            // The owner check the link endpoint makes: a report that is no longer the user's gets no link.
            if (await Reports.GetAsync(Report.ReportId, UserId, CancellationToken.None) is null)
            {
                _error = "This report is no longer available.";
                return;
            }

            var (url, expiresAt) = Links.Create(Report.ReportId, LinkLifetime);
            _link = (Navigation.ToAbsoluteUri(url).ToString(), expiresAt);
            _copied = await (await ModuleAsync()).InvokeAsync<bool>("copy", _link.Value.Url);
        }
        finally
        {
            _linking = false;
        }
    }

    private async Task PrintAsync() => await (await ModuleAsync()).InvokeVoidAsync("print");

    public async ValueTask DisposeAsync()
    {
        _self?.Dispose();
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
}
