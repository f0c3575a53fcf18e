using Microsoft.AspNetCore.Identity;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Auth;

/// <summary>The outcome of an account change: the account as it is now, or why not (per field), or that it does not exist.</summary>
public sealed record AccountChange(UserDto? User, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false)
{
    public static AccountChange Missing { get; } = new(null, new Dictionary<string, string[]>(), NotFound: true);

    public static AccountChange Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// Changes of an existing local account that end its sessions: role change, disable, delete, password change and
/// lockout. Each renews the security stamp (cookies and access tokens fail within
/// <see cref="LocalAuthOptions.SessionValidationInterval"/>) and revokes every refresh token at once. An admin cannot
/// demote, disable or delete their own account, so the last admin cannot lock everyone out by mistake.
/// </summary>
public sealed class LocalAccountChanges(UserManager<AppUser> users, RefreshSessions sessions)
{
    /// <summary>Identity's lockout end that means "disabled": no end.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public async Task<AccountChange> SetRoleAsync(string id, string? role, string actingUserId)
    {
        if (LocalAccounts.KnownRole(role) is not { } known)
        {
            return AccountChange.Invalid("role", $"role must be one of: {string.Join(", ", Roles.All)}.");
        }

        return await ChangeAsync(id, actingUserId, "role", async user =>
        {
            var current = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, current);
            return await users.AddToRoleAsync(user, known);
        }, "role changed");
    }

    public Task<AccountChange> SetDisabledAsync(string id, bool disabled, string actingUserId) =>
        ChangeAsync(id, actingUserId, "id", async user =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            var result = await users.SetLockoutEndDateAsync(user, disabled ? DisabledUntil : null);
            return result.Succeeded && !disabled ? await users.ResetAccessFailedCountAsync(user) : result;
        }, disabled ? "disabled" : "enabled");

    public async Task<AccountChange> DeleteAsync(string id, string actingUserId)
    {
        if (id == actingUserId)
        {
            return AccountChange.Invalid("id", "You cannot delete your own account.");
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AccountChange.Missing;
        }

        await sessions.RevokeAllAsync(user.Id, "deleted", CancellationToken.None);
        var deleted = await users.DeleteAsync(user);
        return deleted.Succeeded ? new(null, new Dictionary<string, string[]>()) : new(null, LocalAccounts.ByField(deleted));
    }

    /// <summary>The signed-in user's own password; Identity renews the stamp, the refresh tokens are revoked here.</summary>
    public async Task<AccountChange> ChangePasswordAsync(string userId, string? currentPassword, string? newPassword)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AccountChange.Missing;
        }

        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword) || newPassword.Length > RiskIntel.Core.InputLimits.MaxPasswordLength)
        {
            return AccountChange.Invalid("newPassword", $"Enter the current password and a new one of at most {RiskIntel.Core.InputLimits.MaxPasswordLength} characters.");
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            return new(null, changed.Errors
                .GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        await sessions.RevokeAllAsync(user.Id, "password changed", CancellationToken.None);
        return new(await DtoAsync(user), new Dictionary<string, string[]>());
    }

    /// <summary>Ends every session of the account (its lockout, or any change above).</summary>
    public async Task RevokeSessionsAsync(AppUser user, string reason)
    {
        await users.UpdateSecurityStampAsync(user);
        await sessions.RevokeAllAsync(user.Id, reason, CancellationToken.None);
    }

    private async Task<AccountChange> ChangeAsync(
        string id, string actingUserId, string field, Func<AppUser, Task<IdentityResult>> change, string reason)
    {
        if (id == actingUserId)
        {
            return AccountChange.Invalid(field, "You cannot change the role or state of your own account.");
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AccountChange.Missing;
        }

        var result = await change(user);
        if (!result.Succeeded)
        {
            return new(null, LocalAccounts.ByField(result));
        }

        await RevokeSessionsAsync(user, reason);
        return new(await DtoAsync(user), new Dictionary<string, string[]>());
    }

    private async Task<UserDto> DtoAsync(AppUser user) => LocalAccounts.ToDto(user, [.. (await users.GetRolesAsync(user)).Order()]);
}
