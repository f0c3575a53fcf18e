using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RiskIntel.Core.Files;

/// <summary>
/// At start and then hourly, removes database-store writes left unfinished for over an hour (a node that died
/// mid-upload). Every node may run it: deleting what another node already deleted is nothing.
/// </summary>
internal sealed partial class DatabaseFileSweeper(DatabaseFileStore store, TimeProvider time, ILogger<DatabaseFileSweeper> logger) : BackgroundService
{
    internal static readonly TimeSpan Abandoned = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Abandoned, time);
        do
        {
            try
            {
                var removed = await store.RemoveUnfinishedAsync(Abandoned, stoppingToken);
                if (removed > 0)
                {
                    Log.Removed(logger, removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.Failed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} unfinished file writes from the database store")]
        public static partial void Removed(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping unfinished file writes failed; the next sweep tries again")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
