using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RiskIntel.App.Auth;
using RiskIntel.App.Endpoints.Jobs;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Documents.Parsing;

namespace RiskIntel.App.Endpoints.Documents;

public sealed record DocumentJobRef(Guid JobId, Core.Jobs.JobStatus Status, Guid DocumentId);

/// <summary>The documents of a user's own assessment (SPEC §8.1): upload (202 with its PARSE_DOCUMENT job), list, download, pages, delete.</summary>
public static class DocumentsEndpoints
{
    private const int MaxPagesPerRequest = 200;

    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessments/{id:guid}/documents").WithTags("Documents").RequireAuthorization();
        // Uploads are the one body larger than the API's general limit: the document's limit plus the multipart framing.
        var uploadLimit = app.ServiceProvider.GetRequiredService<IOptions<DocumentsOptions>>().Value.MaxUploadBytes + DocumentUpload.MultipartOverhead;
        group.MapPost("/", DocumentUpload.UploadAsync).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(uploadLimit))
            .WithSummary("Upload a document (multipart field 'file')");
        group.MapGet("/", ListAsync);
        group.MapGet("/{docId:guid}", GetAsync);
        group.MapDelete("/{docId:guid}", DeleteAsync);
        group.MapGet("/{docId:guid}/content", DownloadAsync);
        group.MapGet("/{docId:guid}/pages", GetPagesAsync);
        return app;
    }

    internal static Accepted<Envelope<DocumentJobRef>> Accepted(UploadResult result) =>
        JobSubmissions.Accepted(result.Job!.Id, new DocumentJobRef(result.Job.Id, result.Job.Status, result.Document!.Id));

    private static async Task<Results<Ok<IReadOnlyList<DocumentDto>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, DocumentQueries documents, CancellationToken cancellationToken) =>
        await documents.ListAsync(id, user.GetUserId(), cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : ApiProblems.NotFound("The assessment");

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> GetAsync(
        Guid id, Guid docId, ClaimsPrincipal user, DocumentQueries documents, CancellationToken cancellationToken) =>
        await documents.GetAsync(id, docId, user.GetUserId(), cancellationToken) is { } document
            ? TypedResults.Ok(document)
            : ApiProblems.NotFound("The document");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, Guid docId, ClaimsPrincipal user, DocumentService documents, CancellationToken cancellationToken) =>
        await documents.DeleteAsync(id, docId, user.GetUserId(), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("The document");

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, Guid docId, ClaimsPrincipal user, DocumentQueries documents, CancellationToken cancellationToken)
    {
        if (await documents.OpenAsync(id, docId, user.GetUserId(), cancellationToken) is not { } file)
        {
            return ApiProblems.NotFound("The document");
        }

        // Always an attachment: an uploaded file is never rendered in the app's origin.
        return TypedResults.File(file.Content, file.Document.ContentType, file.Document.FileName);
    }

    private static async Task<Results<Ok<IReadOnlyList<Core.Documents.PageText>>, ProblemHttpResult, ValidationProblem>> GetPagesAsync(
        Guid id, Guid docId, ClaimsPrincipal user, DocumentQueries documents, CancellationToken cancellationToken,
        string? from = null, string? to = null)
    {
        if (!QueryValues.TryParseInt(from, 1, int.MaxValue, 1, out var first))
        {
            return ApiProblems.Invalid("from", "from must be a page number (1 or more).");
        }

        if (!QueryValues.TryParseInt(to, first, int.MaxValue, first + MaxPagesPerRequest - 1, out var last) || last - first >= MaxPagesPerRequest)
        {
            return ApiProblems.Invalid("to", $"to must be a page number from 'from' up to {MaxPagesPerRequest} pages after it.");
        }

        return await documents.GetPagesAsync(id, docId, user.GetUserId(), first, last, cancellationToken) is { } pages
            ? TypedResults.Ok(pages)
            : ApiProblems.NotFound("The document");
    }
}
