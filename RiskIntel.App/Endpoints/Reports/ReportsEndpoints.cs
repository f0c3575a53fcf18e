using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskIntel.App.Auth;
using RiskIntel.App.Endpoints.Jobs;
using RiskIntel.Core.Reports;

namespace RiskIntel.App.Endpoints.Reports;

public sealed record ReportRequest(int? AnalysisVersion);

public sealed record LinkRequest([property: Required, Range(1, 43_200)] int? ExpiresInMinutes);

public sealed record LinkResponse(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Reports (SPEC §8.1): asked for per assessment (202 REPORT_GENERATION), listed by version, downloaded by the
/// owner, or by anyone holding a signed link whose signature and expiry check out (tampered or expired → 403).
/// </summary>
public static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReportsEndpoints(this IEndpointRouteBuilder app)
    {
        var assessments = app.MapGroup("/api/assessments/{id:guid}").WithTags("Reports").RequireAuthorization();
        assessments.MapPost("/report", RequestAsync);
        assessments.MapGet("/reports", ListAsync);

        var reports = app.MapGroup("/api/reports/{reportId:guid}").WithTags("Reports");
        reports.MapGet("/pdf", DownloadAsync).AllowAnonymous();
        reports.MapPost("/links", CreateLinkAsync).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Accepted<Envelope<JobRef>>, ProblemHttpResult>> RequestAsync(
        Guid id, ClaimsPrincipal user, ReportService reports,
        [FromHeader(Name = JobSubmissions.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken,
        [FromBody] ReportRequest? request = null)
    {
        try
        {
            var (outcome, job) = await reports.RequestAsync(id, user.GetUserId(), request?.AnalysisVersion, idempotencyKey, cancellationToken);
            return outcome switch
            {
                ReportRequestOutcome.Submitted => JobSubmissions.Accepted(job!),
                ReportRequestOutcome.NotScored => ApiProblems.Conflict(
                    request?.AnalysisVersion is { } v ? $"The assessment has no analysis version {v}." : "The assessment has not been scored yet; run the risk analysis first.",
                    "Nothing to report"),
                _ => ApiProblems.NotFound("The assessment"),
            };
        }
        catch (Core.Jobs.IdempotencyConflictException ex)
        {
            return JobSubmissions.IdempotencyConflict(ex);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<ReportDto>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, ReportQueries reports, CancellationToken cancellationToken) =>
        await reports.ListAsync(id, user.GetUserId(), cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : ApiProblems.NotFound("The assessment");

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult, UnauthorizedHttpResult>> DownloadAsync(
        Guid reportId, ClaimsPrincipal user, ReportQueries reports, ReportLinks links, CancellationToken cancellationToken,
        string? expires = null, string? sig = null)
    {
        string? owner = null;
        if (expires is not null || sig is not null)
        {
            if (!links.IsValid(reportId, expires, sig))
            {
                return TypedResults.Problem("The link is not valid: it was changed or it has expired. Ask for a new link.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Link not valid");
            }
        }
        else if (user.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Unauthorized();
        }
        else
        {
            owner = user.GetUserId();
        }

        if (await reports.OpenAsync(reportId, owner, cancellationToken) is not { } file)
        {
            return ApiProblems.NotFound("The report");
        }

        return TypedResults.File(file.Content, "application/pdf", file.FileName);
    }

    private static async Task<Results<Ok<LinkResponse>, ProblemHttpResult>> CreateLinkAsync(
        Guid reportId, LinkRequest request, ClaimsPrincipal user, ReportQueries reports, ReportLinks links, CancellationToken cancellationToken)
    {
        if (await reports.GetAsync(reportId, user.GetUserId(), cancellationToken) is null)
        {
            return ApiProblems.NotFound("The report");
        }

        var (url, expiresAt) = links.Create(reportId, TimeSpan.FromMinutes(request.ExpiresInMinutes!.Value));
        return TypedResults.Ok(new LinkResponse(url, expiresAt));
    }
}
