using Microsoft.AspNetCore.Components;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Components.Pages.Admin;

/// <summary>Creates a local account; closes with the new email, or shows Identity's reasons for refusing.</summary>
public sealed partial class CreateUserDialog
{
    private List<string> _errors = [];
    private string _email = "";
    private string _password = "";
    private string _role = Roles.Analyst;
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    private void Cancel() => Dialog.Cancel();

    private async Task CreateAsync()
    {
        _saving = true;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<LocalAccounts>().CreateAsync(_email, _password, _role);
            if (!created.Succeeded)
            {
                _errors = [.. created.Errors.Values.SelectMany(e => e)];
                return;
            }

            Dialog.Close(DialogResult.Ok(created.User!.Email));
        }
        finally
        {
            _saving = false;
        }
    }
}
