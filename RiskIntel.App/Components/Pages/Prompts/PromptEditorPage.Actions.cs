using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Components.Pages.Prompts;

/// <summary>The editor's actions that ask first: activation (with the conflict explained), delete, restore, leaving unsaved.</summary>
public sealed partial class PromptEditorPage
{
    private async Task ToggleActiveAsync()
    {
        var prompt = _loaded!;
        var userId = await UserIdAsync();
        try
        {
            await Prompts.SetActiveAsync(prompt.Id, !prompt.IsActive, replace: false, userId, CancellationToken.None);
        }
        catch (PromptActivationConflictException ex)
        {
            var replace = await Dialogs.ShowMessageBoxAsync(
                "Another prompt is active",
                $"\"{ex.Active.Name}\" (v{ex.Active.Version}) is the active {ex.Active.Section.ToApiName()} prompt; a section runs one prompt at a time. "
                + $"Replace it with \"{prompt.Name}\"? The next {prompt.Section.ToApiName()} job will use this prompt.",
                yesText: "Replace",
                cancelText: "Cancel");
            if (replace != true)
            {
                return;
            }

            await Prompts.SetActiveAsync(prompt.Id, active: true, replace: true, userId, CancellationToken.None);
        }
        catch (PromptConflictException ex)
        {
            await Dialogs.ShowMessageBoxAsync(ex.Title, ex.Message, yesText: "OK");
        }

        await LoadAsync(prompt.Id);
    }

    private async Task DeleteAsync()
    {
        var prompt = _loaded!;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete prompt", $"Delete \"{prompt.Name}\"? It leaves the library; its history stays readable.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true && await Prompts.DeleteAsync(prompt.Id, await UserIdAsync(), CancellationToken.None))
        {
            _loaded = null;
            _notFound = true;
            Snackbar.Add($"Deleted \"{prompt.Name}\".", Severity.Info);
            Navigation.NavigateTo("/prompts");
        }
    }

    /// <summary>Restoring is an edit: the old version's content is saved as a new version, so nothing is lost.</summary>
    private async Task RestoreAsync(int version)
    {
        if (IsDirty)
        {
            await Dialogs.ShowMessageBoxAsync("Unsaved changes", "Save or discard your changes before restoring a version.", yesText: "OK");
            return;
        }

        if (await Queries.GetAsync(_loaded!.Id, version, CancellationToken.None) is not { } old)
        {
            return;
        }

        Fill(old);
        await SaveAsync();
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!IsDirty || _saving)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(
            "Unsaved changes", "Leave this prompt and discard your changes?", yesText: "Discard", cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
