using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskIntel.Core.Jobs.Execution;

namespace RiskIntel.Core.Jobs.Scheduling;

/// <summary>
/// Clustered, a recurring Quartz trigger fires on one node of the cluster, but the recovery sweep is every node's
/// own: it records this node's heartbeat and takes back what a vanished node held. So each node runs it on a timer.
/// </summary>
internal sealed partial class NodeSweepService(
    JobRecovery recovery, IOptions<JobsOptions> options, TimeProvider time, ILogger<NodeSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await recovery.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.SweepFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The recovery sweep failed; it runs again at the next interval")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
