using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Auth;

/// <summary>
/// Ensures the roles and the configured admin account exist (Local mode). In Development it also seeds
/// the documented demo accounts; elsewhere no password is ever defaulted: without one configured, a
/// random password is generated and written to the log once, when the admin is created.
/// </summary>
internal sealed partial class AccountSeeder(
    IServiceScopeFactory scopes,
    IOptions<AuthOptions> options,
    IHostEnvironment environment,
    ILogger<AccountSeeder> logger) : IHostedService
{
    public const string DemoAdminEmail = "admin@riskintel.local";
    public const string DemoAdminPassword = "RiskIntel-Admin-1";
    public const string DemoAnalystEmail = "analyst@riskintel.local";
    public const string DemoAnalystPassword = "RiskIntel-Analyst-1";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Mode != AuthMode.Local)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var accounts = scope.ServiceProvider.GetRequiredService<LocalAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var isDevelopment = environment.IsDevelopment();
        var adminEmail = options.Value.Local.AdminEmail ?? DemoAdminEmail;
        var password = options.Value.Local.AdminPassword
            ?? (isDevelopment && adminEmail == DemoAdminEmail ? DemoAdminPassword : null);
        var generated = password is null;
        password ??= GeneratePassword();
        if (await EnsureUserAsync(users, accounts, adminEmail, password, Roles.Admin) && generated)
        {
            Log.GeneratedAdminPassword(logger, adminEmail, password);
        }

        if (isDevelopment)
        {
            await EnsureUserAsync(users, accounts, DemoAnalystEmail, DemoAnalystPassword, Roles.Analyst);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string GeneratePassword() =>
        $"Ri-{Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', 'x').Replace('+', 'y')}9";

    /// <summary>Creates the user if missing; false when it already existed.</summary>
    private async Task<bool> EnsureUserAsync(UserManager<AppUser> users, LocalAccounts accounts, string email, string password, string role)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return false;
        }

        var created = await accounts.CreateAsync(email, password, role);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create the {role} account {email}: {string.Join(" ", created.Errors.Values.SelectMany(e => e))} " +
                "(check Auth:Local:AdminPassword).");
        }

        Log.Created(logger, email, role);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Created the {Role} account {Email}")]
        public static partial void Created(ILogger logger, string email, string role);

        [LoggerMessage(Level = LogLevel.Warning, Message = "No Auth:Local:AdminPassword was configured. The admin account {Email} was created with this generated password, shown only once: {Password}")]
        public static partial void GeneratedAdminPassword(ILogger logger, string email, string password);
    }
}
