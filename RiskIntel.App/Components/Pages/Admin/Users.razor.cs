using Microsoft.AspNetCore.Components;
using MudBlazor;
using RiskIntel.App.Auth;

namespace RiskIntel.App.Components.Pages.Admin;

/// <summary>The accounts, a page at a time from <see cref="LocalAccounts.ListAsync"/> (the same query as the API).</summary>
public sealed partial class Users
{
    private const int PageSize = 10;
    private static readonly int[] PageSizes = [10, 25, 50, 100];
    private MudTable<UserDto>? _table;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private async Task<TableData<UserDto>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        // A scope per page: UserManager holds a DbContext, which must not live as long as the circuit.
        await using var scope = Scopes.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<LocalAccounts>().ListAsync(state.Page + 1, state.PageSize, cancellationToken);
        return new TableData<UserDto> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task CreateUserAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateUserDialog>("New user", new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string email })
        {
            Snackbar.Add($"Created the account {email}.", Severity.Success);
            if (_table is not null)
            {
                await _table.ReloadServerData();
            }
        }
    }
}
