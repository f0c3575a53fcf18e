using Microsoft.AspNetCore.Identity;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Auth;

/// <summary>The outcome of creating a local account: the user, or the reasons per field (<c>email</c>, <c>password</c>, <c>role</c>).</summary>
public sealed record AccountCreation(AppUser? User, string? Role, IReadOnlyDictionary<string, string[]> Errors, bool Duplicate)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// The one way a local account is created — by an admin over REST or in the Users page, or by the start-up
/// seeder — so the rules (unique email, Identity's password policy, a known role) are the same everywhere.
/// </summary>
public sealed class LocalAccounts(UserManager<AppUser> users, TimeProvider time)
{
    public async Task<AccountCreation> CreateAsync(string email, string password, string role)
    {
        email = email.Trim();
        var knownRole = Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (knownRole is null)
        {
            return Failed("role", $"role must be one of: {string.Join(", ", Roles.All)}.");
        }

        if (email.Length == 0 || string.IsNullOrEmpty(password))
        {
            return Failed(email.Length == 0 ? "email" : "password", "Enter an email and an initial password.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return Failed("email", $"A user with the email {email} already exists.") with { Duplicate = true };
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountCreation(null, null, created.Errors
                .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()), Duplicate: false);
        }

        await users.AddToRoleAsync(user, knownRole);
        return new AccountCreation(user, knownRole, new Dictionary<string, string[]>(), Duplicate: false);
    }

    private static AccountCreation Failed(string field, string message) =>
        new(null, null, new Dictionary<string, string[]> { [field] = [message] }, Duplicate: false);
}
