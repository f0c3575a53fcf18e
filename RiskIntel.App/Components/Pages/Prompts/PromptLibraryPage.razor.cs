using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using RiskIntel.Core;
using RiskIntel.App.Auth;
using RiskIntel.App.Components.Prompts;
using RiskIntel.App.Endpoints.Prompts;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Components.Pages.Prompts;

/// <summary>Why an import was refused: a sentence, the parser's or validator's own words, and what to fix.</summary>
internal sealed record ImportFailure(string Sentence, string Detail, IReadOnlyList<string> Items);

/// <summary>The library: filterable table of prompts, export as a JSON download and all-or-nothing import.</summary>
public sealed partial class PromptLibraryPage
{
    private const long MaxImportBytes = 5 * 1024 * 1024;

    private PromptPage _page = new([], 0);
    private bool _loading = true;
    private string? _search;
    private string? _tag;
    private PromptSection? _section;
    private bool? _active;
    private string? _exportUrl;
    private PromptImportMode _importMode = PromptImportMode.Upsert;
    private ImportFailure? _importFailure;

    [Inject]
    private PromptQueries Queries { get; set; } = null!;

    [Inject]
    private PromptTransfer Transfer { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private static Color SectionColor(PromptSection section) => section switch
    {
        PromptSection.Parser => Color.Info,
        PromptSection.GapDetection => Color.Warning,
        PromptSection.RiskAnalysis => Color.Error,
        _ => Color.Primary,
    };

    private Task OnSearchAsync(string? value) => Filter(() => _search = value);

    private Task OnTagAsync(string? value) => Filter(() => _tag = value);

    private Task OnSectionAsync(PromptSection? value) => Filter(() => _section = value);

    private Task OnActiveAsync(bool? value) => Filter(() => _active = value);

    private Task Filter(Action set)
    {
        set();
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _page = await Queries.ListAsync(new PromptListQuery(_section, _active, _tag, _search, 1, 1000), CancellationToken.None);
        var export = new PromptExport(await Transfer.ExportAsync(CancellationToken.None));
        var json = JsonSerializer.SerializeToUtf8Bytes(export, ApiJson.Options);
        _exportUrl = "data:application/json;base64," + Convert.ToBase64String(json);
        _loading = false;
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        _importFailure = null;
        try
        {
            await using var stream = file.OpenReadStream(MaxImportBytes);
            var request = await JsonSerializer.DeserializeAsync<PromptImportRequest>(stream, ApiJson.Options);
            var userId = (await AuthenticationState).User.GetUserId();
            var result = await Transfer.ImportAsync(request?.Prompts ?? [], _importMode, userId, CancellationToken.None);
            Snackbar.Add($"Imported {file.Name}: {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged.", Severity.Success);
            await LoadAsync();
        }
        catch (JsonException ex)
        {
            _importFailure = new($"{file.Name} is not a prompt export: it is not valid JSON, or not in the shape Export writes. Export the library to see that shape.", ex.Message, []);
        }
        catch (PromptValidationException ex)
        {
            var items = ex.Errors.SelectMany(e => e.Value.Select(m => PromptMessages.Readable(e.Key, m))).ToList();
            var detail = string.Join("\n", ex.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            _importFailure = new($"{items.Count} {(items.Count == 1 ? "problem" : "problems")} in {file.Name}; fix {(items.Count == 1 ? "it" : "them")} and import the file again:", detail, items);
        }
        catch (PromptConflictException ex)
        {
            _importFailure = new(ex.Message, $"{ex.Title}: {ex.Message}", []);
        }
    }
}
