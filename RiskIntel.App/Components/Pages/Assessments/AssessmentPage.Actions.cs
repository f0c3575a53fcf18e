using MudBlazor;
using RiskIntel.App.Components.Assessments;
using RiskIntel.Core.Assessments;

namespace RiskIntel.App.Components.Pages.Assessments;

/// <summary>The page's own actions: edit the details (against the version shown) and delete after asking.</summary>
public sealed partial class AssessmentPage
{
    private async Task EditAsync()
    {
        var parameters = new DialogParameters<AssessmentDialog> { { d => d.UserId, _userId }, { d => d.Existing, _assessment } };
        var dialog = await Dialogs.ShowAsync<AssessmentDialog>("Edit assessment", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: AssessmentDto saved })
        {
            _assessment = saved;
            _breadcrumbs = [new("Assessments", "/assessments"), new(saved.Name, null, disabled: true)];
            Snackbar.Add("Details saved.", Severity.Success);
        }
    }

    private async Task DeleteAsync()
    {
        var assessment = _assessment!;
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete assessment",
            $"Delete “{assessment.Name}” with its documents and gap review? Its jobs stay in your job history. This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true)
        {
            await Assessments.DeleteAsync(assessment.Id, _userId, CancellationToken.None);
            Snackbar.Add($"Deleted “{assessment.Name}”.", Severity.Info);
            Navigation.NavigateTo("/assessments");
        }
    }
}
