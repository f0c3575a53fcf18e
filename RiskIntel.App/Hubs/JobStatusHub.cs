using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using RiskIntel.App.Auth;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications;

namespace RiskIntel.App.Hubs;

/// <summary>
/// <c>/hubs/jobs</c>: a connected user receives <c>JobUpdated</c> for all own jobs. <c>SubscribeJob</c>
/// narrows the connection to the jobs it names; unsubscribing from the last one widens it again. Group
/// membership is per connection; a client that connects with <c>?client=&lt;key&gt;</c> and reconnects with the
/// same key (as SignalR's automatic reconnect does) gets its narrowed subscriptions back, each with the job's
/// current row, or, in all-jobs mode, the rows of its jobs changed since its previous connection began (the
/// newest <see cref="MissedRowsLimit"/>, which include those changed while it was away). A client without a key
/// re-subscribes itself.
/// </summary>
[Authorize]
public sealed partial class JobStatusHub(
    JobService jobs, ChangedJobsQuery changedJobs, HubClientSubscriptions remembered, TimeProvider time) : Hub<IJobStatusClient>
{
    public const string ClientKeyParameter = "client";
    public const int MissedRowsLimit = 100;
    private const string SubscriptionsKey = "subscriptions";
    private const string ConnectedAtKey = "connected-at";

    // Clock skew between nodes.
    private static readonly TimeSpan MissedRowsMargin = TimeSpan.FromSeconds(10);

    public static string UserGroup(string userId) => $"user:{userId}";

    public static string JobGroup(Guid jobId) => $"job:{jobId:N}";

    private string UserId => Context.User!.GetUserId();

    private HashSet<Guid> Subscriptions =>
        (HashSet<Guid>)(Context.Items[SubscriptionsKey] ??= new HashSet<Guid>());

    private string? ClientKey => Context.GetHttpContext()?.Request.Query[ClientKeyParameter].FirstOrDefault();

    public override async Task OnConnectedAsync()
    {
        if (ClientKey is { } key)
        {
            if (!ValidClientKey().IsMatch(key))
            {
                throw new HubException("The client key must be 1 to 64 letters, digits, '-' or '_'.");
            }

            Context.Items[ConnectedAtKey] = time.GetUtcNow().UtcDateTime;
            await RestoreAsync(key);
            await RememberAsync();
        }

        if (Subscriptions.Count == 0)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(UserId));
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await RememberAsync();
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Narrows updates to this job (and others subscribed); answers its current state.</summary>
    public async Task<JobDto> SubscribeJob(Guid jobId)
    {
        // Someone else's job and a job that does not exist answer alike, so ids reveal nothing.
        var job = await jobs.GetAsync(jobId, UserId, Context.ConnectionAborted)
            ?? throw new HubException("Job not found.");
        if (Subscriptions.Count == 0)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, UserGroup(UserId));
        }

        Subscriptions.Add(jobId);
        await Groups.AddToGroupAsync(Context.ConnectionId, JobGroup(jobId));
        await RememberAsync();
        return job;
    }

    public async Task UnsubscribeJob(Guid jobId)
    {
        if (!Subscriptions.Remove(jobId))
        {
            return;
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, JobGroup(jobId));
        if (Subscriptions.Count == 0)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(UserId));
        }

        await RememberAsync();
    }

    private async Task RestoreAsync(string key)
    {
        if (await remembered.GetAsync(UserId, key) is not { } state)
        {
            return;
        }

        foreach (var jobId in state.JobIds)
        {
            // Joined before the row is read, so no change after the read is missed; a pruned job is dropped.
            await Groups.AddToGroupAsync(Context.ConnectionId, JobGroup(jobId));
            if (await jobs.GetAsync(jobId, UserId, Context.ConnectionAborted) is { } job)
            {
                Subscriptions.Add(jobId);
                await Clients.Caller.JobUpdated(job);
            }
            else
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, JobGroup(jobId));
            }
        }

        if (Subscriptions.Count == 0)
        {
            // All own jobs: joined before the read, so what changes after it arrives live and what changed before as a row.
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(UserId));
            var missed = await changedJobs.ReadAsync(state.ConnectedAt - MissedRowsMargin, MissedRowsLimit, UserId, Context.ConnectionAborted);
            foreach (var job in missed)
            {
                await Clients.Caller.JobUpdated(job);
            }
        }
    }

    private async Task RememberAsync()
    {
        if (ClientKey is { } key && Context.Items[ConnectedAtKey] is DateTime connectedAt)
        {
            await remembered.SaveAsync(UserId, key, new HubClientState([.. Subscriptions], connectedAt));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ValidClientKey();
}
