using Microsoft.AspNetCore.SignalR;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Hubs;

/// <summary>
/// Forwards the in-process feed to this node's hub clients: the owner's connections (all-jobs mode) and the
/// connections subscribed to the job. The feed carries the changes of every node (relayed over Redis, or
/// caught up from the database after a Redis outage); its own queue keeps slow clients away from the job runner.
/// </summary>
internal sealed partial class JobStatusHubBridge(
    JobStatusFeed feed, IHubContext<JobStatusHub, IJobStatusClient> hub, ILogger<JobStatusHubBridge> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.SubscribeAll(SendAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task SendAsync(JobStatusChanged change)
    {
        try
        {
            await hub.Clients
                .Groups(JobStatusHub.UserGroup(change.Job.CreatedById), JobStatusHub.JobGroup(change.Job.Id))
                .JobUpdated(change.Job);
        }
        catch (Exception ex)
        {
            Log.SendFailed(logger, ex, change.Job.Id);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push job {JobId} to hub clients")]
        public static partial void SendFailed(ILogger logger, Exception exception, Guid jobId);
    }
}
