namespace RiskIntel.Core.Jobs.Execution;

/// <summary>
/// Does the work of one <see cref="JobType"/>. Throw a <see cref="Errors.ClassifiedException"/> to say
/// whether a failure is worth retrying; return the result object, serialised as the job's <c>result</c>.
/// </summary>
public interface IJobHandler
{
    JobType Type { get; }

    Task<object> ExecuteAsync(JobAttempt attempt, CancellationToken cancellationToken);
}
