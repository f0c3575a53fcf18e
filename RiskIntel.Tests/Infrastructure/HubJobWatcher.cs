using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Tests.Infrastructure;

/// <summary>
/// Follows one user's jobs of an app process on its SignalR hub, seeded with what the database already holds, so a
/// test waits on pushed changes instead of polling.
/// </summary>
public sealed class HubJobWatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, (JobType Type, JobStatus Status)> _jobs = new();
    private readonly HubConnection _hub;
    private readonly Lock _gate = new();
    private readonly List<(Func<IReadOnlyDictionary<Guid, (JobType Type, JobStatus Status)>, bool> Condition, TaskCompletionSource Done)> _waits = [];

    private HubJobWatcher(HubConnection hub) => _hub = hub;

    public static async Task<HubJobWatcher> StartAsync(Uri app, string accessToken, SqliteTestDatabase database)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app, "/hubs/jobs"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .Build();
        var watcher = new HubJobWatcher(hub);
        hub.On<JsonElement>("JobUpdated", job => watcher.Record(
            job.GetProperty("id").GetGuid(), Parse<JobType>(job.GetProperty("type")), Parse<JobStatus>(job.GetProperty("status"))));
        await hub.StartAsync();

        // A call is answered only after OnConnectedAsync: from here on every change of the user's jobs arrives.
        await hub.InvokeAsync("UnsubscribeJob", Guid.Empty);
        await using var db = database.CreateFactory().CreateDbContext();
        foreach (var job in await db.Jobs.AsNoTracking().Select(j => new { j.Id, j.Type, j.Status }).ToListAsync())
        {
            watcher.Record(job.Id, job.Type, job.Status, fromDatabase: true);
        }

        return watcher;
    }

    public Task WaitUntilAsync(Func<IReadOnlyDictionary<Guid, (JobType Type, JobStatus Status)>, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_jobs))
            {
                return Task.CompletedTask;
            }

            _waits.Add((condition, done));
        }

        return done.Task.WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private void Record(Guid id, JobType type, JobStatus status, bool fromDatabase = false)
    {
        lock (_gate)
        {
            // A pushed change is newer than the row read at start; the row only fills in what no push said.
            if (fromDatabase && _jobs.ContainsKey(id))
            {
                return;
            }

            _jobs[id] = (type, status);
            foreach (var wait in _waits.Where(w => w.Condition(_jobs)).ToList())
            {
                _waits.Remove(wait);
                wait.Done.TrySetResult();
            }
        }
    }

    private static T Parse<T>(JsonElement value)
        where T : struct, Enum =>
        Enum.Parse<T>(value.GetString()!.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
