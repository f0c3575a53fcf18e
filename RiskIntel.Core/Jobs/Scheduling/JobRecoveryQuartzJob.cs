using Quartz;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Jobs.Scheduling;

[DisallowConcurrentExecution]
internal sealed class JobRecoveryQuartzJob(JobRecovery recovery) : IJob
{
    public static readonly JobKey Key = new("recover-jobs", "riskintel");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await recovery.SweepAsync(cancellationToken);
}
