using Microsoft.AspNetCore.Http.HttpResults;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Endpoints.Jobs;

public sealed record JobRef(Guid JobId, JobStatus Status);

public sealed record Envelope<T>(T Data);

/// <summary>
/// How every submitting endpoint answers, whatever the feature: hand the submission to <see cref="JobService"/>
/// (which checks the callback, applies idempotency and stores the job before it is scheduled), then 202 Accepted,
/// <c>Location: /api/jobs/{id}</c>, body <c>{ data: { jobId, status } }</c>; or 400 / 422 with problem details.
/// </summary>
public static class JobSubmissions
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static async Task<Results<Accepted<Envelope<JobRef>>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        JobService jobs, JobSubmission submission, CancellationToken cancellationToken)
    {
        try
        {
            return Accepted((await jobs.SubmitAsync(submission, cancellationToken)).Job);
        }
        catch (SubmissionRejectedException ex)
        {
            return ApiProblems.Invalid(ex.Field, ex.Message);
        }
        catch (IdempotencyConflictException ex)
        {
            return IdempotencyConflict(ex);
        }
    }

    public static Accepted<Envelope<JobRef>> Accepted(JobDto job) => Accepted(job.Id, new JobRef(job.Id, job.Status));

    /// <summary>202 for a job, with a body that says more than the job reference (e.g. the document an upload created).</summary>
    public static Accepted<Envelope<T>> Accepted<T>(Guid jobId, T data) =>
        TypedResults.Accepted($"/api/jobs/{jobId}", new Envelope<T>(data));

    public static ProblemHttpResult IdempotencyConflict(IdempotencyConflictException ex) =>
        TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused");
}
