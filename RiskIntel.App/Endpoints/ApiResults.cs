using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications.Webhooks;

namespace RiskIntel.App.Endpoints;

public sealed record JobRef(Guid JobId, JobStatus Status);

public sealed record Envelope<T>(T Data);

/// <summary>Answers shared by every endpoint that submits a job.</summary>
public static class ApiResults
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Submits a job the way every submitting endpoint does: checks the callback against the allow-list,
    /// applies idempotency, and answers 202 (or 400 / 422).
    /// </summary>
    public static async Task<Results<Accepted<Envelope<JobRef>>, ValidationProblem, ProblemHttpResult>> SubmitJobAsync(
        JobService jobs, CallbackUrlPolicy callbacks, JobSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.CallbackUrl is { } url && callbacks.Check(url) is { } refusal)
        {
            return Invalid("callbackUrl", refusal);
        }

        try
        {
            return JobAccepted((await jobs.SubmitAsync(submission, cancellationToken)).Job);
        }
        catch (IdempotencyConflictException ex)
        {
            return IdempotencyConflict(ex);
        }
    }

    /// <summary>202 Accepted, <c>Location: /api/jobs/{id}</c>, body <c>{ data: { jobId, status } }</c>.</summary>
    public static Accepted<Envelope<JobRef>> JobAccepted(JobDto job) =>
        TypedResults.Accepted($"/api/jobs/{job.Id}", new Envelope<JobRef>(new JobRef(job.Id, job.Status)));

    public static ProblemHttpResult IdempotencyConflict(IdempotencyConflictException ex) =>
        TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"{what} was not found.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Reads an enum written the API's way (e.g. <c>AI_PREVIEW</c>), ignoring case and underscores.</summary>
    public static bool TryParseEnum<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
