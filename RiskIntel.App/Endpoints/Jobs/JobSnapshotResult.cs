using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Endpoints.Jobs;

/// <summary>
/// A job as <c>GET /api/jobs/{id}</c> answers it: the cached JSON with its <c>ETag</c>, <c>304 Not Modified</c> when the
/// client already has that version (<c>If-None-Match</c>), and <c>Retry-After</c> while the job has not finished.
/// </summary>
public sealed class JobSnapshotResult(JobSnapshot snapshot) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var headers = response.Headers;
        headers.ETag = snapshot.ETag;
        headers.CacheControl = "private, no-cache";
        if (snapshot.RetryAfterSeconds is { } seconds)
        {
            headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Matches(httpContext.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = snapshot.Json.Length;
        return response.Body.WriteAsync(snapshot.Json).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JobDto), ["application/json"]));

    private bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch)
    {
        foreach (var value in ifNoneMatch)
        {
            if (value is not null && (value.Trim() == "*" || value.Split(',').Any(tag => EntityTagHeaderValue.TryParse(tag.Trim(), out var parsed)
                && parsed.Tag.Equals(snapshot.ETag, StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }
}
