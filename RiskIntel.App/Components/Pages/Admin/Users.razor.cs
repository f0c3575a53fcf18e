using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Components.Pages.Admin;

public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, DateTime CreatedAt);

public sealed partial class Users
{
    private List<UserRow> _users = [];
    private bool _loading = true;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;

        // A scope per operation: UserManager holds a DbContext, which must not live as long as the circuit.
        await using var scope = Scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, [.. (await users.GetRolesAsync(user)).Order()], user.CreatedAt));
        }

        _users = rows;
        _loading = false;
    }

    private async Task CreateUserAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateUserDialog>("New user", new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string email })
        {
            Snackbar.Add($"Created the account {email}.", Severity.Success);
            await LoadAsync();
        }
    }
}
