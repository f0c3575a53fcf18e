using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
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

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private void Cancel() => Dialog.Cancel();

    private async Task CreateAsync()
    {
        var email = _email.Trim();
        if (email.Length == 0 || _password.Length == 0)
        {
            _errors = ["Enter an email and an initial password."];
            return;
        }

        _saving = true;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(email) is not null)
            {
                _errors = [$"A user with the email {email} already exists."];
                return;
            }

            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = Time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, _password);
            if (!created.Succeeded)
            {
                _errors = [.. created.Errors.Select(e => e.Description)];
                return;
            }

            await users.AddToRoleAsync(user, _role);
            Dialog.Close(DialogResult.Ok(email));
        }
        finally
        {
            _saving = false;
        }
    }
}
