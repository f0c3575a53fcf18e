using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.App.Auth;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Portfolio;

namespace RiskIntel.App.Endpoints.Portfolio;

/// <summary>The caller's assessments side by side with their latest scores; only their own, so nothing leaks.</summary>
public static class PortfolioEndpoints
{
    public static IEndpointRouteBuilder MapPortfolioEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/portfolio").WithTags("Portfolio").RequireAuthorization();
        group.MapGet("/", ListAsync);
        return app;
    }

    /// <summary><c>?level=HIGH,CRITICAL&amp;country=Kenya&amp;sort=FINANCIAL&amp;desc=true</c>; no sort is overall, riskiest first.</summary>
    private static async Task<Results<Ok<PortfolioView>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, PortfolioQueries queries, CancellationToken cancellationToken,
        string? level = null, string? country = null, string? sort = null, string? desc = null)
    {
        if (!PortfolioLevels.TryParse(level, out var levels))
        {
            return ApiProblems.Invalid("level", $"Unknown level in '{level}'; use LOW, MODERATE, HIGH or CRITICAL, several separated by commas.");
        }

        if (!PortfolioSort.TryParse(sort, out var column))
        {
            return ApiProblems.Invalid("sort", $"Unknown sort '{sort}'; use one of {string.Join(", ", PortfolioSort.Codes)}.");
        }

        if (!TryParseFlag(desc, out var descending))
        {
            return ApiProblems.Invalid("desc", "desc must be true or false.");
        }

        if (country is { Length: > Assessment.MaxCountryLength })
        {
            return ApiProblems.Invalid("country", $"country must be at most {Assessment.MaxCountryLength} characters.");
        }

        var query = new PortfolioQuery(levels, string.IsNullOrWhiteSpace(country) ? null : country.Trim(), column, descending);
        return TypedResults.Ok(await queries.ListAsync(user.GetUserId(), query, cancellationToken));
    }

    private static bool TryParseFlag(string? text, out bool value)
    {
        value = false;
        return string.IsNullOrWhiteSpace(text) || bool.TryParse(text.Trim(), out value);
    }
}
