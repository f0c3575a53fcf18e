using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core;
using RiskIntel.Core.Auth;
using RiskIntel.Core.Persistence;

namespace RiskIntel.App.Auth;

/// <summary>A local account as admins see it; <c>disabled</c> accounts cannot sign in.</summary>
public sealed record UserDto(string Id, string Email, IReadOnlyList<string> Roles, DateTime CreatedAt, bool Disabled);

/// <summary>One page of the accounts, by email, and how many there are.</summary>
public sealed record UserPage(IReadOnlyList<UserDto> Items, int Total);

/// <summary>The outcome of creating or changing a local account: the user, or the reasons per field (<c>email</c>, <c>password</c>, <c>role</c>).</summary>
public sealed record AccountCreation(AppUser? User, string? Role, IReadOnlyDictionary<string, string[]> Errors, bool Duplicate)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// The one way local accounts are created, listed and changed — by an admin over REST or in the Users page, or by
/// the start-up seeder — so the rules (unique email, Identity's password policy, a known role) are the same
/// everywhere, and every change that must end sessions (<see cref="LocalAccountChanges"/>) does.
/// </summary>
public sealed class LocalAccounts(UserManager<AppUser> users, RiskIntelDbContext db, TimeProvider time)
{
    public async Task<AccountCreation> CreateAsync(string email, string password, string role)
    {
        email = email.Trim();
        if (KnownRole(role) is not { } knownRole)
        {
            return Failed("role", $"role must be one of: {string.Join(", ", Roles.All)}.");
        }

        if (email.Length == 0 || string.IsNullOrEmpty(password))
        {
            return Failed(email.Length == 0 ? "email" : "password", "Enter an email and an initial password.");
        }

        if (email.Length > InputLimits.MaxEmailLength || password.Length > InputLimits.MaxPasswordLength)
        {
            return email.Length > InputLimits.MaxEmailLength
                ? Failed("email", $"email must be at most {InputLimits.MaxEmailLength} characters.")
                : Failed("password", $"password must be at most {InputLimits.MaxPasswordLength} characters.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return Failed("email", $"A user with the email {email} already exists.") with { Duplicate = true };
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountCreation(null, null, ByField(created), Duplicate: false);
        }

        await users.AddToRoleAsync(user, knownRole);
        return new AccountCreation(user, knownRole, new Dictionary<string, string[]>(), Duplicate: false);
    }

    /// <summary>Accounts by email, <paramref name="limit"/> a page; <paramref name="page"/> starts at 1.</summary>
    public async Task<UserPage> ListAsync(int page, int limit, CancellationToken cancellationToken)
    {
        var total = await users.Users.CountAsync(cancellationToken);
        var skip = (long)(Math.Max(page, 1) - 1) * limit;
        if (skip >= total)
        {
            return new UserPage([], total);
        }

        var rows = await users.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id)
            .Skip((int)skip).Take(limit).ToListAsync(cancellationToken);
        var ids = rows.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId))
            .Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => new { r.UserId, role.Name })
            .ToListAsync(cancellationToken);
        return new UserPage(
            rows.Select(u => ToDto(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList())).ToList(), total);
    }

    public static UserDto ToDto(AppUser user, IReadOnlyList<string> roles) =>
        new(user.Id, user.Email ?? user.UserName ?? user.Id, roles, user.CreatedAt, IsDisabled(user));

    /// <summary>Disabled is Identity's lockout without an end.</summary>
    public static bool IsDisabled(AppUser user) => user.LockoutEnd is { } end && end >= LocalAccountChanges.DisabledUntil;

    internal static string? KnownRole(string? role) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));

    internal static Dictionary<string, string[]> ByField(IdentityResult result) => result.Errors
        .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
        .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());

    private static AccountCreation Failed(string field, string message) =>
        new(null, null, new Dictionary<string, string[]> { [field] = [message] }, Duplicate: false);
}
