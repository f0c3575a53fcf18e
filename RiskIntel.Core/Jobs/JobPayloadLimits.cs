using System.Text;
using RiskIntel.Core.Errors;

namespace RiskIntel.Core.Jobs;

/// <summary>
/// The bounds of what a job row holds (<see cref="InputLimits"/>): checked once when a job is submitted, whatever
/// submitted it, and once on what its handler returns, so no row and no <c>GET /api/jobs/{id}</c> grows without limit.
/// </summary>
public static class JobPayloadLimits
{
    /// <summary>
    /// The submission as the engine stores it: a blank Idempotency-Key is no key. Throws
    /// <see cref="SubmissionRejectedException"/> naming the field that is too large.
    /// </summary>
    public static JobSubmission Check(JobSubmission submission)
    {
        var key = string.IsNullOrWhiteSpace(submission.IdempotencyKey) ? null : submission.IdempotencyKey;
        if (key?.Length > InputLimits.MaxIdempotencyKeyLength)
        {
            throw new SubmissionRejectedException("idempotencyKey", $"The Idempotency-Key must be at most {InputLimits.MaxIdempotencyKeyLength} characters.");
        }

        if (submission.CallbackUrl?.Length > InputLimits.MaxCallbackUrlLength)
        {
            throw new SubmissionRejectedException("callbackUrl", $"callbackUrl must be at most {InputLimits.MaxCallbackUrlLength} characters.");
        }

        if (Encoding.UTF8.GetByteCount(submission.Input.ToJsonString(ApiJson.Options)) > InputLimits.MaxJobInputBytes)
        {
            throw new SubmissionRejectedException("input", $"The job input is larger than {InputLimits.Describe(InputLimits.MaxJobInputBytes)}.");
        }

        return submission with { IdempotencyKey = key };
    }

    /// <summary>Refuses a result over the limit: the job fails (not retried) and nothing is stored.</summary>
    public static void CheckResult(string resultJson)
    {
        if (resultJson.Length > InputLimits.MaxJobResultBytes || Encoding.UTF8.GetByteCount(resultJson) > InputLimits.MaxJobResultBytes)
        {
            throw new InputValidationException($"the result is larger than {InputLimits.Describe(InputLimits.MaxJobResultBytes)}; nothing was stored.");
        }
    }
}
