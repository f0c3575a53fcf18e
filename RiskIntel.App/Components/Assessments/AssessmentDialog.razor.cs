using Microsoft.AspNetCore.Components;
using MudBlazor;
using RiskIntel.Core.Assessments;

namespace RiskIntel.App.Components.Assessments;

/// <summary>
/// Creates an assessment, or edits one against the version it was opened with: a stale edit is not saved but
/// explained, with the current details, and saved on top of them only when the analyst saves again.
/// </summary>
public sealed partial class AssessmentDialog
{
    private AssessmentForm _form = new();
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private AssessmentDto? _stale;
    private string? _failure;
    private int _version;
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private AssessmentService Assessments { get; set; } = default!;

    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    /// <summary>The assessment to edit; null to create one.</summary>
    [Parameter]
    public AssessmentDto? Existing { get; set; }

    private IEnumerable<string> Types =>
        AssessmentForm.CommonTypes.Contains(_form.CompanyType, StringComparer.Ordinal) || _form.CompanyType.Length == 0
            ? AssessmentForm.CommonTypes
            : [_form.CompanyType, .. AssessmentForm.CommonTypes];

    protected override void OnInitialized()
    {
        if (Existing is { } existing)
        {
            _form = AssessmentForm.From(existing);
            _version = existing.Version;
        }
    }

    private void Set(Action assign, string field)
    {
        assign();
        if (_errors.ContainsKey(field))
        {
            _errors = _errors.Where(e => e.Key != field).ToDictionary();
        }
    }

    private void Cancel() => Dialog.Cancel();

    private void UseLatest()
    {
        _form = AssessmentForm.From(_stale!);
        _version = _stale!.Version;
        _stale = null;
        _errors = new Dictionary<string, string>();
    }

    private async Task SaveAsync()
    {
        _errors = _form.Validate();
        _failure = null;
        if (_errors.Count > 0)
        {
            return;
        }

        _saving = true;
        try
        {
            if (Existing is null)
            {
                Dialog.Close(DialogResult.Ok(await Assessments.CreateAsync(_form.ToDetails(), UserId, CancellationToken.None)));
                return;
            }

            var update = await Assessments.UpdateAsync(Existing.Id, UserId, _form.ToDetails(), _version, CancellationToken.None);
            switch (update.Outcome)
            {
                case UpdateOutcome.Updated:
                    Dialog.Close(DialogResult.Ok(update.Assessment!));
                    break;
                case UpdateOutcome.Stale:
                    // Saving again applies the analyst's edit on top of what they have now been shown.
                    _stale = update.Assessment;
                    _version = update.Assessment!.Version;
                    break;
                default:
                    _failure = "This assessment no longer exists: it was deleted, perhaps in another tab.";
                    break;
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
