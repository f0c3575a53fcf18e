using Microsoft.AspNetCore.Components;
using MudBlazor;
using RiskIntel.Core.Analysis;

namespace RiskIntel.App.Components.Analysis;

/// <summary>A category's recommendations, highest priority first; the analyst edits text and priority in place, the original stays shown.</summary>
public sealed partial class RecommendationList
{
    private string? _editing;
    private string _text = "";
    private RecommendationPriority _priority;
    private string? _error;
    private bool _saving;

    [Inject]
    private AnalysisService Analysis { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<RecommendationView> Recommendations { get; set; } = [];

    [Parameter, EditorRequired]
    public Guid AssessmentId { get; set; }

    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    /// <summary>The analysis version the recommendations belong to.</summary>
    [Parameter, EditorRequired]
    public int Version { get; set; }

    [Parameter]
    public bool Editable { get; set; } = true;

    /// <summary>Receives the analysis as it stands after a saved edit.</summary>
    [Parameter]
    public EventCallback<AnalysisDto> Saved { get; set; }

    private void Edit(RecommendationView recommendation)
    {
        _editing = recommendation.Id;
        _text = recommendation.Text;
        _priority = recommendation.Priority;
        _error = null;
    }

    private void Cancel() => _editing = null;

    private async Task SaveAsync(RecommendationView recommendation)
    {
        var text = _text.Trim();
        _error = text.Length == 0 ? "Write the recommendation, or cancel."
            : text.Length > RecommendationEdit.MaxTextLength ? $"At most {RecommendationEdit.MaxTextLength} characters." : null;
        if (_error is not null)
        {
            return;
        }

        _saving = true;
        try
        {
            var result = await Analysis.EditRecommendationAsync(AssessmentId, UserId, recommendation.Id, text, _priority, Version, CancellationToken.None);
            if (result is { Outcome: EditOutcome.Saved, Analysis: { } analysis })
            {
                _editing = null;
                Snackbar.Add("Recommendation saved; the original stays on record.", Severity.Success);
                await Saved.InvokeAsync(analysis);
            }
            else
            {
                _error = "This recommendation no longer exists in this version.";
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
