using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using RiskIntel.Core;

namespace RiskIntel.App.Security;

/// <summary>
/// Bodies larger than the endpoint accepts (<see cref="InputLimits.MaxRequestBodyBytes"/> unless it declares its own
/// limit) are refused with 413 before anything is read: a declared length at once, a streamed body when it passes
/// the limit (Kestrel's own check, set to the same number).
/// </summary>
internal static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // An endpoint's own RequestSizeLimit wins (null there means "no limit").
        var declared = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = declared is null ? InputLimits.MaxRequestBodyBytes : declared.MaxRequestBodySize;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (limit is { } max && http.Request.ContentLength > max)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(http);
    });
}
