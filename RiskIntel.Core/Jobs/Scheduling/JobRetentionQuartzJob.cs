using Quartz;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Jobs.Scheduling;

[DisallowConcurrentExecution]
internal sealed class JobRetentionQuartzJob(JobRetention retention) : IJob
{
    public static readonly JobKey Key = new("prune-jobs", "riskintel");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await retention.PruneAsync(cancellationToken);
}
