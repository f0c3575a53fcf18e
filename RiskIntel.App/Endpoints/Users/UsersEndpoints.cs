using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RiskIntel.App.Auth;
using RiskIntel.Core.Auth;

namespace RiskIntel.App.Endpoints.Users;

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
        CreateUserRequest request, LocalAccounts accounts)
    {
        var created = await accounts.CreateAsync(request.Email, request.Password, request.Role);
        if (created.Duplicate)
        {
            return ApiProblems.Conflict(created.Errors["email"][0], "Duplicate user");
        }

        if (created is not { User: { } user, Role: { } role })
        {
            return TypedResults.ValidationProblem(created.Errors, detail: string.Join(" ", created.Errors.Values.SelectMany(e => e)));
        }

        return TypedResults.Created($"/api/admin/users/{user.Id}", new UserDto(user.Id, user.Email!, [role], user.CreatedAt));
    }
}
