using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Endpoints.Jobs;

/// <summary>
/// The events of one job's SSE stream: the current state first, then one <c>job</c> event per change, ending after
/// a terminal state. The stream's queue holds <see cref="Capacity"/> changes; a client that reads slower than the
/// job changes loses the oldest intermediate ones (the terminal change is always the newest, so it is never lost)
/// and the stream re-reads the row before its next event, so what the client sees is current.
/// </summary>
internal static class JobChangeStream
{
    public const int Capacity = 16;

    public static async IAsyncEnumerable<SseItem<JobDto>> ReadAsync(
        Guid id, string userId, JobService jobs, JobStatusFeed feed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var dropped = new StrongBox<int>();
        var changes = Channel.CreateBounded<JobDto>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => Interlocked.Increment(ref dropped.Value));
        using var subscription = feed.SubscribeJob(id, change =>
        {
            changes.Writer.TryWrite(change.Job);
            return Task.CompletedTask;
        });

        // Subscribed before reading, so nothing committed in between is missed; older echoes are skipped.
        var last = await jobs.GetAsync(id, userId, cancellationToken);
        if (last is null)
        {
            yield break;
        }

        yield return new SseItem<JobDto>(last, "job");
        while (!last.IsTerminal)
        {
            var next = await changes.Reader.ReadAsync(cancellationToken);
            if (Interlocked.Exchange(ref dropped.Value, 0) > 0 && await jobs.GetAsync(id, userId, cancellationToken) is { } row && IsNewer(row, next))
            {
                next = row;
            }

            if (!next.IsTerminal && !IsNewer(next, last))
            {
                continue;
            }

            last = next;
            yield return new SseItem<JobDto>(next, "job");
        }
    }

    private static bool IsNewer(JobDto candidate, JobDto than) =>
        (candidate.IsTerminal && !than.IsTerminal) || candidate.UpdatedAt > than.UpdatedAt
        || (candidate.UpdatedAt == than.UpdatedAt && (candidate.Status != than.Status || candidate.Progress != than.Progress));
}
