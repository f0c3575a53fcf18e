using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace RiskIntel.App.Endpoints;

/// <summary>
/// Turns what request binding refuses (a body that is not JSON, a field of the wrong type, <c>limit=abc</c>, a body
/// too large, a wrong content type) into problem details that name the field, instead of an empty 400.
/// </summary>
internal sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (errors, detail) = Describe(bad);
        var problem = errors.Count > 0 ? new HttpValidationProblemDetails(errors) : new ProblemDetails();
        problem.Status = bad.StatusCode;
        problem.Detail = detail;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static (Dictionary<string, string[]> Errors, string? Detail) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var message = JsonMessage(json);
            var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            return field is null
                ? ([], $"The request body is not valid JSON: {message}")
                : (new() { [field] = [message] }, $"The request body is not valid JSON at {field}: {message}");
        }

        if (BindFailure().Match(bad.Message) is { Success: true } failed)
        {
            var name = failed.Groups["name"].Value;
            var value = failed.Groups["value"].Value;
            var message = $"'{value}' is not a valid value for {name} ({Expected(failed.Groups["type"].Value)}).";
            return (new() { [name] = [message] }, message);
        }

        if (Missing().Match(bad.Message) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return (new() { [name] = [$"{name} is required."] }, $"{name} is required.");
        }

        return ([], bad.StatusCode is 400 ? bad.Message : null);
    }

    private static string JsonMessage(JsonException json)
    {
        var message = json.Message;
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).Trim();
    }

    private static string Expected(string type) => type.TrimEnd('?') switch
    {
        "int" or "long" or "Int32" or "Int64" => "a whole number",
        "bool" or "Boolean" => "true or false",
        "Guid" => "an id",
        "DateTime" or "DateTimeOffset" => "a date and time",
        var other => other,
    };

    [GeneratedRegex("parameter \"(?<type>[^\" ]+) (?<name>[^\"]+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex BindFailure();

    [GeneratedRegex("Required parameter \"(?<type>[^\" ]+) (?<name>[^\"]+)\" was not provided")]
    private static partial Regex Missing();
}
