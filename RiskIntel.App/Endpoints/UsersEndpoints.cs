using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RiskIntel.App.Auth;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Endpoints;

public sealed record CreateUserRequest(
    [property: Required, EmailAddress] string Email,
    [property: Required] string Password,
    [property: Required] string Role);

public sealed record UserDto(string Id, string Email, IReadOnlyList<string> Roles, DateTime CreatedAt);

/// <summary>Local accounts, managed by admins.</summary>
public static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.Mode != AuthMode.Local)
        {
            return app;
        }

        var group = app.MapGroup("/api/admin/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        return app;
    }

    private static async Task<Ok<List<UserDto>>> ListAsync(UserManager<AppUser> users)
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var result = new List<UserDto>(all.Count);
        foreach (var user in all)
        {
            result.Add(new UserDto(user.Id, user.Email!, [.. await users.GetRolesAsync(user)], user.CreatedAt));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Created<UserDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, UserManager<AppUser> users, TimeProvider time)
    {
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, request.Role, StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            return ApiResults.Invalid("role", $"role must be one of: {string.Join(", ", Roles.All)}.");
        }

        if (await users.FindByEmailAsync(request.Email) is not null)
        {
            return TypedResults.Problem($"A user with the email {request.Email} already exists.",
                statusCode: StatusCodes.Status409Conflict, title: "Duplicate user");
        }

        var user = new AppUser { UserName = request.Email, Email = request.Email, EmailConfirmed = true, CreatedAt = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return TypedResults.ValidationProblem(created.Errors
                .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        await users.AddToRoleAsync(user, role);
        return TypedResults.Created($"/api/admin/users/{user.Id}", new UserDto(user.Id, user.Email, [role], user.CreatedAt));
    }
}
