using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RiskIntel.App.Auth;
using RiskIntel.Core;

namespace RiskIntel.App.Endpoints.Users;

public sealed record CreateUserRequest(
    [property: Required, EmailAddress, MaxLength(InputLimits.MaxEmailLength)] string Email,
    [property: Required, MaxLength(InputLimits.MaxPasswordLength)] string Password,
    [property: Required] string Role);

public sealed record RoleRequest([property: Required] string Role);

/// <summary>
/// Local accounts, managed by admins: a paged list (<c>?page=&amp;limit=</c> → <c>{ items, total }</c>, like the prompt
/// library), create, change the role, disable / enable and delete. Every change but create ends the account's sessions.
/// </summary>
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
        group.MapPut("/{id}/role", SetRoleAsync);
        group.MapPost("/{id}/disable", (string id, ClaimsPrincipal user, LocalAccountChanges changes) =>
            AnswerAsync(changes.SetDisabledAsync(id, disabled: true, user.GetUserId())));
        group.MapPost("/{id}/enable", (string id, ClaimsPrincipal user, LocalAccountChanges changes) =>
            AnswerAsync(changes.SetDisabledAsync(id, disabled: false, user.GetUserId())));
        group.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    private static async Task<Results<Ok<UserPage>, ValidationProblem>> ListAsync(
        LocalAccounts accounts, CancellationToken cancellationToken, int page = 1, int limit = 20)
    {
        if (page is < 1 or > InputLimits.MaxPage)
        {
            return ApiProblems.Invalid("page", $"page must be between 1 and {InputLimits.MaxPage}.");
        }

        if (limit is < 1 or > InputLimits.MaxPageSize)
        {
            return ApiProblems.Invalid("limit", $"limit must be between 1 and {InputLimits.MaxPageSize}.");
        }

        return TypedResults.Ok(await accounts.ListAsync(page, limit, cancellationToken));
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

        return TypedResults.Created($"/api/admin/users/{user.Id}", LocalAccounts.ToDto(user, [role]));
    }

    private static Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> SetRoleAsync(
        string id, RoleRequest request, ClaimsPrincipal user, LocalAccountChanges changes) =>
        AnswerAsync(changes.SetRoleAsync(id, request.Role, user.GetUserId()));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, LocalAccountChanges changes)
    {
        var deleted = await changes.DeleteAsync(id, user.GetUserId());
        return deleted switch
        {
            { NotFound: true } => ApiProblems.NotFound("The user"),
            { Errors.Count: > 0 } => Invalid(deleted),
            _ => TypedResults.NoContent(),
        };
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(Task<AccountChange> change)
    {
        var changed = await change;
        return changed switch
        {
            { NotFound: true } => ApiProblems.NotFound("The user"),
            { User: { } user } => TypedResults.Ok(user),
            _ => Invalid(changed),
        };
    }

    private static ValidationProblem Invalid(AccountChange change) =>
        TypedResults.ValidationProblem(change.Errors, detail: string.Join(" ", change.Errors.Values.SelectMany(e => e)));
}
