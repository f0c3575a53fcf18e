using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using RiskIntel.App.Auth;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Hubs;

/// <summary>
/// <c>/hubs/jobs</c>: a connected user receives <c>JobUpdated</c> for all own jobs. <c>SubscribeJob</c>
/// narrows the connection to the jobs it names; unsubscribing from the last one widens it again. Group
/// membership is per connection, so a client re-subscribes after it reconnects.
/// </summary>
[Authorize]
public sealed class JobStatusHub(JobService jobs) : Hub<IJobStatusClient>
{
    private const string SubscriptionsKey = "subscriptions";

    public static string UserGroup(string userId) => $"user:{userId}";

    public static string JobGroup(Guid jobId) => $"job:{jobId:N}";

    private string UserId => Context.User!.GetUserId();

    private HashSet<Guid> Subscriptions =>
        (HashSet<Guid>)(Context.Items[SubscriptionsKey] ??= new HashSet<Guid>());

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(UserId));
        await base.OnConnectedAsync();
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
    }
}
