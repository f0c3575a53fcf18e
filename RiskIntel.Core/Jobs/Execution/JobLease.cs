using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RiskIntel.Core.Persistence;

namespace RiskIntel.Core.Jobs.Execution;

/// <summary>
/// Keeps one running attempt's claim alive: renews the lease every third of its duration, and signals
/// when the claim was lost (another node took the job over) or a cancel was requested on another node.
/// </summary>
internal sealed partial class JobLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _cancelRequested = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _heartbeat;

    private JobLease(
        IDbContextFactory<RiskIntelDbContext> dbFactory, Job job, string owner, TimeSpan duration, TimeProvider time, ILogger logger) =>
        _heartbeat = RenewAsync(dbFactory, job.Id, job.Attempts, owner, duration, time, logger);

    public CancellationToken Lost => _lost.Token;

    public CancellationToken CancelRequested => _cancelRequested.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    public static JobLease Hold(
        IDbContextFactory<RiskIntelDbContext> dbFactory, Job job, string owner, TimeSpan duration, TimeProvider time, ILogger logger) =>
        new(dbFactory, job, owner, duration, time, logger);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _heartbeat;
        _stop.Dispose();
        _lost.Dispose();
        _cancelRequested.Dispose();
    }

    private async Task RenewAsync(
        IDbContextFactory<RiskIntelDbContext> dbFactory, Guid jobId, int attempt, string owner, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        using var timer = new PeriodicTimer(duration / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await using var db = dbFactory.CreateDbContext();
                var mine = db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Processing
                    && j.LeaseOwner == owner && j.Attempts == attempt);
                var expires = time.GetUtcNow().UtcDateTime + duration;
                if (await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, expires), _stop.Token) == 0)
                {
                    await _lost.CancelAsync();
                    return;
                }

                if (await mine.AnyAsync(j => j.CancelRequested, _stop.Token))
                {
                    await _cancelRequested.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.RenewalFailed(logger, ex, jobId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of job {JobId} failed")]
        public static partial void RenewalFailed(ILogger logger, Exception exception, Guid jobId);
    }
}
