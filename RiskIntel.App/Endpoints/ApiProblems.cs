using Microsoft.AspNetCore.Http.HttpResults;

namespace RiskIntel.App.Endpoints;

/// <summary>The problem-details answers every feature's endpoints share (RFC 7807, with a human <c>detail</c>).</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"{what} was not found.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    public static ProblemHttpResult Conflict(string detail, string title) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);
}
