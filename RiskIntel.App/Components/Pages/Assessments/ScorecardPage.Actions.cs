using MudBlazor;
using RiskIntel.App.Components.Analysis;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Reports;

namespace RiskIntel.App.Components.Pages.Assessments;

/// <summary>What the analyst does on the scorecard: pick and compare versions, open evidence, ask for a report.</summary>
public sealed partial class ScorecardPage
{
    private void SelectVersion(int version)
    {
        var latest = _versions.Count > 0 && _versions[0].Version == version;
        Navigation.NavigateTo(latest ? $"/assessments/{Id}/scorecard" : $"/assessments/{Id}/scorecard?version={version}", replace: true);
    }

    private async Task ToggleCompareAsync()
    {
        if (_diff is not null)
        {
            _diff = null;
            return;
        }

        var current = _analysis!.Version;
        _compareFrom = _versions.Where(v => v.Version < current).Select(v => v.Version).DefaultIfEmpty(_versions.Select(v => v.Version).First(v => v != current)).First();
        await CompareFromAsync(_compareFrom);
    }

    private async Task CompareFromAsync(int from)
    {
        _compareFrom = from;
        _diff = await Analyses.DiffAsync(Id, _userId, from, _analysis!.Version, Cancellation);
    }

    private void Toggle(string category, bool open)
    {
        if (open)
        {
            _expanded.Add(category);
        }
        else
        {
            _expanded.Remove(category);
        }
    }

    private void OnRecommendationSaved(AnalysisDto analysis) => SetAnalysis(analysis);

    private async Task ShowEvidenceAsync(Evidence evidence)
    {
        if (evidence.Page is null || _documents.Count == 0)
        {
            Snackbar.Add("The page of this quote is not known, so it cannot be shown in the document.", Severity.Info);
            return;
        }

        var parameters = new DialogParameters<EvidenceDialog>
        {
            { d => d.AssessmentId, Id }, { d => d.UserId, _userId }, { d => d.Documents, _documents }, { d => d.Evidence, evidence },
        };
        await Dialogs.ShowAsync<EvidenceDialog>($"Evidence on page {evidence.Page}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
    }

    private async Task GenerateReportAsync()
    {
        _requesting = true;
        try
        {
            var (outcome, job) = await ReportService.RequestAsync(Id, _userId, _analysis!.Version, null, Cancellation);
            if (outcome == ReportRequestOutcome.Submitted && job is not null)
            {
                _jobs.Apply(new Core.Jobs.Notifications.JobStatusChanged(job, null));
            }
            else
            {
                Snackbar.Add("This version can no longer be reported on.", Severity.Warning);
            }
        }
        finally
        {
            _requesting = false;
        }
    }
}
