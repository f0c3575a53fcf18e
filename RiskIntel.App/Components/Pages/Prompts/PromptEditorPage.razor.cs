using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Components.Pages.Prompts;

/// <summary>
/// Edits one prompt: texts with live {{variable}} detection, draft preview, versions side by side,
/// history with restore, comments, activation. Leaving with unsaved changes asks first.
/// </summary>
public sealed partial class PromptEditorPage
{
    private readonly Dictionary<string, string> _values = [];
    private PromptDto? _loaded;
    private IReadOnlyList<PromptDto> _versions = [];
    private IReadOnlyList<PromptChangeDto> _history = [];
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _name;
    private PromptSection _section = PromptSection.RiskAnalysis;
    private string? _tags;
    private string? _system;
    private string? _user;
    private bool _saving;
    private bool _notFound;
    private IReadOnlyList<string> _blank = [];

    [Inject]
    private PromptService Prompts { get; set; } = null!;

    [Inject]
    private PromptQueries Queries { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Parameter]
    public Guid? Id { get; set; }

    private string Title => _notFound ? "Prompt not found" : _loaded?.Name ?? "New prompt";

    private IReadOnlyList<string> Variables => PromptTemplate.Variables(_system, _user);

    private PromptDraft Draft => new(_name, _section.ToApiName(), _system, _user, (_tags ?? "").Split(',', StringSplitOptions.TrimEntries));

    private bool IsDirty => _notFound is false && (_loaded is null
        ? !string.IsNullOrWhiteSpace(_name) || !string.IsNullOrWhiteSpace(_system) || !string.IsNullOrWhiteSpace(_user)
        : _name != _loaded.Name || _section != _loaded.Section || (_system ?? "") != _loaded.SystemPrompt
            || (_user ?? "") != _loaded.UserPromptTemplate || TagsText(_loaded.Tags) != TagsText(Draft.Tags ?? []));

    protected override async Task OnParametersSetAsync()
    {
        if (Id is { } id && id != _loaded?.Id)
        {
            await LoadAsync(id);
        }
    }

    private static string TagsText(IEnumerable<string> tags) =>
        string.Join(", ", tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct());

    private async Task LoadAsync(Guid id)
    {
        _loaded = await Queries.GetAsync(id, null, CancellationToken.None);
        _notFound = _loaded is null;
        if (_loaded is null)
        {
            return;
        }

        Fill(_loaded);
        _versions = await Queries.GetVersionsAsync(id, CancellationToken.None) ?? [];
        _history = await Queries.GetHistoryAsync(id, CancellationToken.None) ?? [];
    }

    private void Fill(PromptDto prompt)
    {
        (_name, _section, _system, _user, _tags) = (prompt.Name, prompt.Section, prompt.SystemPrompt, prompt.UserPromptTemplate, TagsText(prompt.Tags));
    }

    private async Task<string> UserIdAsync() => (await AuthenticationState).User.GetUserId();

    private async Task SaveAsync()
    {
        _saving = true;
        _errors = new Dictionary<string, string[]>();
        try
        {
            var userId = await UserIdAsync();
            if (_loaded is null)
            {
                var created = await Prompts.CreateAsync(Draft, userId, CancellationToken.None);
                _loaded = created;
                Fill(created);
                Snackbar.Add($"Created \"{created.Name}\" (v1).", Severity.Success);
                Navigation.NavigateTo($"/prompts/{created.Id}");
                return;
            }

            var updated = await Prompts.UpdateAsync(_loaded.Id, Draft, _loaded.Version, userId, CancellationToken.None);
            await LoadAsync(_loaded.Id);
            Snackbar.Add(updated is null ? "The prompt was deleted meanwhile." : $"Saved as v{updated.Version}.", Severity.Success);
        }
        catch (PromptValidationException ex)
        {
            _errors = ex.Errors;
        }
        catch (PromptConflictException ex)
        {
            await Dialogs.ShowMessageBoxAsync(ex.Title, ex.Message, yesText: "OK");
        }
        finally
        {
            _saving = false;
        }
    }
}
