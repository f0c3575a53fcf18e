using Microsoft.AspNetCore.Components;
using MudBlazor;
using RiskIntel.App.Auth;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Components.Pages.Admin;

/// <summary>
/// Creates a local account; closes with the new email, or shows Identity's reasons for refusing. A field says
/// "Required" only once it was typed into and emptied, or after Create was pressed without it.
/// </summary>
public sealed partial class CreateUserDialog
{
    private readonly HashSet<Field> _touched = [];
    private List<string> _errors = [];
    private string _email = "";
    private string _password = "";
    private string _role = Roles.Analyst;
    private bool _saving;

    private enum Field
    {
        Email,
        Password,
    }

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    private bool Missing(Field field, string value) => _touched.Contains(field) && string.IsNullOrWhiteSpace(value);

    private void Edit(ref string target, string? value, Field field)
    {
        target = value ?? "";
        _touched.Add(field);
    }

    private void Cancel() => Dialog.Cancel();

    private async Task CreateAsync()
    {
        _touched.UnionWith([Field.Email, Field.Password]);
        if (string.IsNullOrWhiteSpace(_email) || string.IsNullOrWhiteSpace(_password))
        {
            return;
        }

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
