using Microsoft.AspNetCore.Http.Features;
using RiskIntel.Core;

namespace RiskIntel.App.Endpoints;

/// <summary>
/// What every problem-details answer gets, whoever wrote it (an endpoint, validation, status-code pages, the
/// exception handler): a human <c>detail</c>, and <c>errors</c> keyed by the JSON field names (camelCase).
/// </summary>
internal static class ProblemDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            var errors = validation.Errors.GroupBy(e => JsonName(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());
            validation.Errors.Clear();
            foreach (var (key, messages) in errors)
            {
                validation.Errors[key] = messages;
            }

            problem.Detail ??= string.Join(" ", errors.SelectMany(e => e.Value).Take(5));
        }

        problem.Detail ??= DetailFor(problem.Status ?? context.HttpContext.Response.StatusCode, context.HttpContext);
    }

    /// <summary><c>Email</c> → <c>email</c>, <c>Prompts[0].Name</c> → <c>prompts[0].name</c>; keys already camelCase stay as they are.</summary>
    public static string JsonName(string key) =>
        key.Length == 0 || !char.IsUpper(key[0])
            ? key
            : string.Join('.', key.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    private static string DetailFor(int status, HttpContext http) => status switch
    {
        400 => "The request is not valid.",
        401 => "Sign in first: send a bearer token from POST /api/auth/login, or the session cookie.",
        403 => "Your role does not allow this.",
        404 => $"Nothing exists at {http.Request.Path}.",
        405 => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
        409 => "The request conflicts with the current state; reload and try again.",
        413 => $"The request body is larger than the limit of {InputLimits.Describe(BodyLimit(http))}.",
        415 => "Send the body as JSON (Content-Type: application/json).",
        429 => "Too many requests; try again later.",
        >= 500 => "Something went wrong on the server; it has been logged.",
        _ => ReasonPhrase(status),
    };

    private static long BodyLimit(HttpContext http) =>
        http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? InputLimits.MaxRequestBodyBytes;

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : $"HTTP {status}.";
}
