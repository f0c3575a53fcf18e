using Microsoft.Extensions.Logging;

namespace RiskIntel.Core.Jobs.Notifications;

/// <summary>Fans a committed change out to every registered notifier, isolating their failures.</summary>
public sealed partial class JobStatusPublisher(IEnumerable<IJobStatusNotifier> notifiers, ILogger<JobStatusPublisher> logger)
{
    private readonly IJobStatusNotifier[] _notifiers = notifiers.ToArray();

    public async ValueTask PublishAsync(JobStatusChanged change, CancellationToken cancellationToken = default)
    {
        foreach (var notifier in _notifiers)
        {
            try
            {
                await notifier.PublishAsync(change, cancellationToken);
            }
            catch (Exception ex)
            {
                Log.NotifierFailed(logger, ex, notifier.GetType().Name, change.Job.Id);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Notifier {Notifier} failed for job {JobId}")]
        public static partial void NotifierFailed(ILogger logger, Exception exception, string notifier, Guid jobId);
    }
}
