using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RiskIntel.Core.Jobs.Scheduling;

internal sealed class SchedulerHealthCheck(IJobScheduler scheduler) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await scheduler.IsRunningAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The job scheduler is running.")
            : HealthCheckResult.Unhealthy("The job scheduler is not running.");
}
