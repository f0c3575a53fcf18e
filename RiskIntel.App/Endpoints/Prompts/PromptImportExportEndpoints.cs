using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.App.Auth;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Endpoints.Prompts;

public sealed record PromptExport(IReadOnlyList<PromptTransferItem> Prompts);

public sealed record PromptImportRequest(IReadOnlyList<PromptTransferItem>? Prompts, string? Mode);

/// <summary>The library as a JSON file: export it, and import it back all or nothing.</summary>
public static class PromptImportExportEndpoints
{
    public static IEndpointRouteBuilder MapPromptImportExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/prompts").WithTags("Prompts").RequireAuthorization(Policies.Admin);
        group.MapGet("/export", ExportAsync);
        group.MapPost("/import", ImportAsync);
        return app;
    }

    private static async Task<Ok<PromptExport>> ExportAsync(PromptTransfer transfer, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PromptExport(await transfer.ExportAsync(cancellationToken)));

    private static async Task<Results<Ok<PromptImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        PromptImportRequest request, ClaimsPrincipal user, PromptTransfer transfer, CancellationToken cancellationToken)
    {
        PromptImportMode mode;
        switch (request.Mode?.ToLowerInvariant())
        {
            case null or "create":
                mode = PromptImportMode.Create;
                break;
            case "upsert":
                mode = PromptImportMode.Upsert;
                break;
            default:
                return ApiProblems.Invalid("mode", "mode must be \"create\" or \"upsert\".");
        }

        try
        {
            return TypedResults.Ok(await transfer.ImportAsync(request.Prompts ?? [], mode, user.GetUserId(), cancellationToken));
        }
        catch (PromptValidationException ex)
        {
            return PromptProblems.Invalid(ex);
        }
        catch (PromptConflictException ex)
        {
            return PromptProblems.Conflict(ex);
        }
    }
}
