using Quartz;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Jobs.Scheduling;

/// <summary>The one Quartz job of the engine: each trigger names a job id, and the runner does the rest.</summary>
internal sealed class RunJobQuartzJob(JobRunner runner, QuartzJobScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("run-job", "riskintel");
    public const string JobIdKey = "jobId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(JobIdKey), out var jobId))
        {
            return;
        }

        scheduler.MarkFired(jobId);
        await runner.RunAsync(jobId, cancellationToken);
    }
}
