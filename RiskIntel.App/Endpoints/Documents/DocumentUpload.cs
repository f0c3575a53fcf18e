using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using RiskIntel.App.Auth;
using RiskIntel.App.Endpoints.Jobs;
using RiskIntel.Core.Documents;

namespace RiskIntel.App.Endpoints.Documents;

/// <summary>
/// The upload endpoint reads the multipart body itself, section by section, and streams the <c>file</c> part
/// straight into the file store: no form binding, no buffering of the whole file in memory or on disk twice.
/// </summary>
internal static class DocumentUpload
{
    public const int MultipartOverhead = 64 * 1024;

    public static async Task<Results<Accepted<Envelope<DocumentJobRef>>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, DocumentService documents, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported request",
                "Send the document as multipart/form-data with the file in the field 'file'.");
        }

        if (request.ContentLength > documents.MaxUploadBytes + MultipartOverhead)
        {
            return TooLarge(documents.MaxUploadBytes);
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition() || !disposition.Name.Equals("file"))
            {
                continue;
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            var result = await documents.UploadAsync(id, user.GetUserId(), fileName, section.Body, cancellationToken);
            return result.Outcome switch
            {
                UploadOutcome.Accepted => DocumentsEndpoints.Accepted(result),
                UploadOutcome.TooLarge => TooLarge(documents.MaxUploadBytes),
                UploadOutcome.Unsupported => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported document",
                    $"{result.Reason} RiskIntel reads PDF, DOCX, plain text and Markdown."),
                UploadOutcome.Duplicate => TypedResults.Problem(result.Reason, statusCode: StatusCodes.Status409Conflict,
                    title: "Document already uploaded", extensions: new Dictionary<string, object?> { ["documentId"] = result.Document!.Id }),
                _ => ApiProblems.NotFound("The assessment"),
            };
        }

        return ApiProblems.Invalid("file", "The request has no file in the multipart field 'file'.");
    }

    private static ProblemHttpResult TooLarge(long maxBytes) => Problem(StatusCodes.Status413PayloadTooLarge, "Document too large",
        $"Documents can be at most {maxBytes / (1024 * 1024)} MB.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
